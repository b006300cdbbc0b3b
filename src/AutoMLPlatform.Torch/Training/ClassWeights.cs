namespace AutoMLPlatform.Torch.Training;

/// <summary>Per-class loss weights from class sizes, normalised so the average row weighs 1.</summary>
internal static class ClassWeights
{
    public static float[]? Compute(IReadOnlyList<int> labels, int classCount, ClassWeighting weighting)
    {
        if (weighting == ClassWeighting.None)
        {
            return null;
        }

        var counts = new double[classCount];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var raw = counts.Select(n => n == 0 ? 0 : labels.Count / (classCount * n))
            .Select(w => weighting == ClassWeighting.SquareRootBalanced ? Math.Sqrt(w) : w)
            .ToArray();

        // Mean weight per row is 1, so the learning rate means the same with or without weighting.
        var perRow = counts.Zip(raw, (n, w) => n * w).Sum() / labels.Count;
        return raw.Select(w => (float)(w / perRow)).ToArray();
    }
}
