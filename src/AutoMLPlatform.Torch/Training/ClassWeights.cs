namespace AutoMLPlatform.Torch.Training;

/// <summary>Per-class loss weights from class sizes, normalised so the average row weighs 1.</summary>
internal static class ClassWeights
{
    /// <summary>Largest to smallest class size from which <see cref="ClassWeighting.Auto"/> weighs classes.</summary>
    public const double ImbalanceRatio = 3;

    public static float[]? Compute(IReadOnlyList<int> labels, int classCount, ClassWeighting weighting)
    {
        var counts = new double[classCount];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var present = counts.Where(n => n > 0).ToArray();
        if (weighting == ClassWeighting.Auto)
        {
            weighting = present.Length > 0 && present.Max() >= ImbalanceRatio * present.Min() ? ClassWeighting.SquareRootBalanced : ClassWeighting.None;
        }

        if (weighting == ClassWeighting.None)
        {
            return null;
        }

        var raw = counts.Select(n => n == 0 ? 0 : labels.Count / (classCount * n))
            .Select(w => weighting == ClassWeighting.SquareRootBalanced ? Math.Sqrt(w) : w)
            .ToArray();

        // Mean weight per row is 1, so the learning rate means the same with or without weighting.
        var perRow = counts.Zip(raw, (n, w) => n * w).Sum() / labels.Count;
        return raw.Select(w => (float)(w / perRow)).ToArray();
    }
}
