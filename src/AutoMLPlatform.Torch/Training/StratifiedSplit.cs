namespace AutoMLPlatform.Torch.Training;

/// <summary>Splits row indexes into training and validation, the same share of every class, repeatably for a seed.</summary>
internal static class StratifiedSplit
{
    public static (int[] Train, int[] Validation) Split(IReadOnlyList<int> labels, double validationFraction, int seed)
    {
        var random = new Random(seed);
        var train = new List<int>();
        var validation = new List<int>();
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var rows = group.ToArray();
            random.Shuffle(rows);

            // A class with two rows or more gives at least one to validation and keeps at least one for training.
            var take = rows.Length < 2 ? 0 : Math.Clamp((int)Math.Round(rows.Length * validationFraction), 1, rows.Length - 1);
            validation.AddRange(rows.Take(take));
            train.AddRange(rows.Skip(take));
        }

        train.Sort();
        validation.Sort();
        return ([.. train], [.. validation]);
    }
}
