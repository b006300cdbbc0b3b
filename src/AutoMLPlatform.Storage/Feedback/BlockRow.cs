using AutoMLPlatform.Core.Feedback;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>One logged row as a block's outputs hold it; its inputs are at the same index in the block's sealed inputs.</summary>
internal sealed record BlockRow(PredictionId Id, int Version, long AtMs, string? Label, double? Value, float[] Probabilities, bool Shadow,
    PredictionId? ShadowOf);
