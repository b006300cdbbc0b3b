using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Splitting;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Validation;

/// <summary>Stratified k-fold splits, repeatable for a seed.</summary>
internal static class FoldSplitter
{
    /// <summary>
    /// Deals rows into <paramref name="k"/> folds so that each fold has every class in proportion (classification)
    /// or the label's whole range (regression: rows sorted by label, each run of k consecutive rows spread over the
    /// k folds in random order). Classes are dealt by <see cref="StratifiedSplit.DealFolds"/>.
    /// </summary>
    public static IReadOnlyList<Fold> KFold(TableColumn label, TaskKind task, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        int[] foldOf;
        if (task == TaskKind.Regression && label is NumericColumn numbers)
        {
            var random = new Random(seed);
            foldOf = new int[label.Length];
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
            var classes = StratifiedSplit.ClassesOf(LabelEncoder.Texts(label).ToArray(), Enumerable.Range(0, label.Length));
            foldOf = StratifiedSplit.DealFolds(classes, label.Length, k, seed);
        }

        return Enumerable.Range(0, k).Select(f => new Fold(
            Enumerable.Range(0, label.Length).Where(i => foldOf[i] != f).ToArray(),
            Enumerable.Range(0, label.Length).Where(i => foldOf[i] == f).ToArray())).ToArray();
    }
}
