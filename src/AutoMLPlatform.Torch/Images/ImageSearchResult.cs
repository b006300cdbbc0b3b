using AutoMLPlatform.Torch.Mapping;
using AutoMLPlatform.Torch.Training;

namespace AutoMLPlatform.Torch.Images;

/// <summary>What an image search found: the model chosen by validation score, and every candidate it trained, in order.</summary>
/// <param name="Best">The chosen model (its <see cref="TorchClassifierTransformer.Training"/> says how it trained); the caller owns it.</param>
/// <param name="Trainer">The chosen model's trainer name.</param>
/// <param name="Candidates">Every model trained, the chosen one among them.</param>
/// <param name="Notes">What the search decided and why (whether ResNet18 features were offered, at what speed).</param>
public sealed record ImageSearchResult(TorchClassifierTransformer Best, string Trainer, IReadOnlyList<TrainingCandidate> Candidates, IReadOnlyList<string> Notes);
