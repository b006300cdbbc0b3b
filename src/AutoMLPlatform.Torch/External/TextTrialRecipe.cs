using AutoMLPlatform.AutoML.Data;

namespace AutoMLPlatform.Torch.External;

/// <summary>What the refit of a text trial needs to repeat it on every row: its settings, column, labels and best epoch.</summary>
internal sealed record TextTrialRecipe(TextTrialVariant Variant, string TextColumn, LabelEncoding Labels, int BestEpoch);
