using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// Fits a boosting trainer through ML.NET's <c>Fit(train, validation)</c>, so that it watches the validation rows, and
/// remembers the rounds the model kept. Without validation rows it is the trainer's own fit.
/// </summary>
internal sealed class WatchingEstimator<TTransformer>(IEstimator<TTransformer> trainer, IDataView? validation,
    Func<IDataView, IDataView, TTransformer> fitWatching, Func<TTransformer, int> rounds) : IEstimator<TTransformer>
    where TTransformer : ITransformer
{
    /// <summary>Rounds the last fitted model kept; null before a fit and without validation rows.</summary>
    public int? RoundsKept { get; private set; }

    public TTransformer Fit(IDataView input)
    {
        if (validation is null)
        {
            return trainer.Fit(input);
        }

        var model = fitWatching(input, validation);
        RoundsKept = rounds(model);
        return model;
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => trainer.GetOutputSchema(inputSchema);
}
