namespace AutoMLPlatform.Torch.Training;

/// <summary>Rows a Torch trainer learns from, turned into tensors one batch at a time.</summary>
internal interface ITrainingSet
{
    /// <summary>Class index of every row.</summary>
    IReadOnlyList<int> Labels { get; }

    /// <summary>
    /// The rows <paramref name="rows"/> in that order, <paramref name="batchSize"/> at a time; with
    /// <paramref name="augment"/>, randomly altered (flips, shifts) using <paramref name="random"/>.
    /// Each batch is built when the enumerator moves to it, inside the caller's dispose scope.
    /// </summary>
    IEnumerable<Batch> Batches(IReadOnlyList<int> rows, int batchSize, bool augment, Random random);
}
