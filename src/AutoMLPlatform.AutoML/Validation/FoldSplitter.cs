using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Validation;

/// <summary>Stratified k-fold splits, repeatable for a seed.</summary>
internal static class FoldSplitter
{
    /// <summary>
    /// Deals rows into <paramref name="k"/> folds so that each fold has every class in proportion (classification)
    /// or the label's whole range (regression: rows sorted by label, each run of k consecutive rows spread over the
    /// k folds in random order).
    /// </summary>
    public static IReadOnlyList<Fold> KFold(TableColumn label, TaskKind task, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        var random = new Random(seed);
        var foldOf = new int[label.Length];
        if (task == TaskKind.Regression && label is NumericColumn numbers)
        {
            var order = Enumerable.Range(0, label.Length).OrderBy(i => numbers.Values[i]).ThenBy(i => i).ToArray();
            var slots = Enumerable.Range(0, k).ToArray();
            for (var start = 0; start < order.Length; start += k)
            {
                random.Shuffle(slots);
                for (var j = 0; j < k && start + j < order.Length; j++)
                {
                    foldOf[order[start + j]] = slots[j];
                }
            }
        }
        else
        {
            // Classes in a fixed order, rows shuffled within each; dealing continues across classes so folds stay even.
            var next = 0;
            foreach (var rows in LabelEncoder.Texts(label).Select((value, row) => (value, row)).GroupBy(x => x.value, StringComparer.Ordinal)
                         .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Select(x => x.row).ToArray()))
            {
                random.Shuffle(rows);
                foreach (var row in rows)
                {
                    foldOf[row] = next;
                    next = (next + 1) % k;
                }
            }
        }

        return Enumerable.Range(0, k).Select(f => new Fold(
            Enumerable.Range(0, label.Length).Where(i => foldOf[i] != f).ToArray(),
            Enumerable.Range(0, label.Length).Where(i => foldOf[i] == f).ToArray())).ToArray();
    }
}
