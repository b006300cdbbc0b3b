namespace AutoMLPlatform.Core.Splitting;

/// <summary>
/// The platform's one stratified split of rows, used by the engine's validation split and k folds, the rows a
/// retraining run holds out, and the Torch trainers' validation split. Rows are grouped by class (see
/// <see cref="ClassesOf(IReadOnlyList{string}, IEnumerable{int})"/>); one <see cref="Random"/> made from the seed
/// shuffles each class in turn, in class order, so the rows a seed picks depend only on the labels, the share and the
/// seed. Benchmarks and stored retraining runs compare results by seed: changing that order changes which rows are
/// picked, which is a change of behaviour, not a refactoring.
/// </summary>
public static class StratifiedSplit
{
    /// <summary>
    /// Sets aside about <paramref name="fraction"/> of every class: a class with two rows or more gives at least one
    /// row and keeps at least one; a class with one row keeps it. Both parts are returned in ascending row order.
    /// </summary>
    /// <param name="classes">Each class's rows, classes in a fixed order (as <see cref="ClassesOf(IReadOnlyList{int})"/> gives them).</param>
    /// <param name="fraction">The share set aside, between 0 and 1.</param>
    /// <param name="seed">The seed of the one <see cref="Random"/> that shuffles every class.</param>
    public static (int[] Kept, int[] SetAside) Split(IReadOnlyList<int[]> classes, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var random = new Random(seed);
        var kept = new List<int>();
        var setAside = new List<int>();
        foreach (var group in classes)
        {
            int[] rows = [.. group];
            random.Shuffle(rows);

            var take = rows.Length < 2 ? 0 : Math.Clamp((int)Math.Round(rows.Length * fraction), 1, rows.Length - 1);
            setAside.AddRange(rows.Take(take));
            kept.AddRange(rows.Skip(take));
        }

        kept.Sort();
        setAside.Sort();
        return ([.. kept], [.. setAside]);
    }

    /// <summary>
    /// Deals the rows into <paramref name="k"/> folds, every class in proportion: classes in order, each shuffled by
    /// one <see cref="Random"/> made from the seed, dealing continued across classes so the folds stay even.
    /// </summary>
    /// <returns>The fold (0 to <paramref name="k"/> − 1) of each row; a row in no class is in fold 0.</returns>
    public static int[] DealFolds(IReadOnlyList<int[]> classes, int rowCount, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        var random = new Random(seed);
        var foldOf = new int[rowCount];
        var next = 0;
        foreach (var group in classes)
        {
            int[] rows = [.. group];
            random.Shuffle(rows);
            foreach (var row in rows)
            {
                foldOf[row] = next;
                next = (next + 1) % k;
            }
        }

        return foldOf;
    }

    /// <summary>The given rows grouped by their label, classes in ordinal order, rows in the order given within each.</summary>
    public static IReadOnlyList<int[]> ClassesOf(IReadOnlyList<string> labels, IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rows);
        return rows.GroupBy(row => labels[row], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToArray();
    }

    /// <summary>Every row grouped by its class index, classes in ascending order, rows ascending within each.</summary>
    public static IReadOnlyList<int[]> ClassesOf(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Enumerable.Range(0, labels.Count).GroupBy(row => labels[row]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
    }
}
