using AutoMLPlatform.Torch.Images;

namespace AutoMLPlatform.Torch.Training;

/// <summary>One model a Torch training run or an image search trained, for the leaderboard: which trainer, and how its training went.</summary>
/// <param name="Trainer">The trainer's name (e.g. <see cref="ImageSearch.ScratchTrainer"/>, <see cref="ImageSearch.ResNetTrainer"/>).</param>
/// <param name="Summary">How it trained; its validation metrics decided the choice.</param>
public sealed record TrainingCandidate(string Trainer, TrainingSummary Summary);
