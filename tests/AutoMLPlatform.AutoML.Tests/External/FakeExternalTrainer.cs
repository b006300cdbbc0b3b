using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.External;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Planning;
using Microsoft.Extensions.Time.Testing;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Tests.External;

/// <summary>
/// A trainer from "outside" the engine, for binary tasks: logistic regression on the numeric columns, fitted with
/// ML.NET on the data the engine hands over. It can move a fake clock forward as if it took time, and it records
/// what it was asked.
/// </summary>
internal sealed class FakeExternalTrainer(FakeTimeProvider? clock = null, TimeSpan? trialTime = null) : IExternalTrainer
{
    public string Name => "FakeExternal";

    public double RelativeCost => 1;

    public List<ExternalTrainingRequest> Requests { get; } = [];

    public List<ExternalRefitRequest> Refits { get; } = [];

    public ITransformer? LastRefitModel { get; private set; }

    /// <summary>When set, a trial blocks until cancelled, after completing this source (so a test knows it is running).</summary>
    public TaskCompletionSource? BlockUntilCancelled { get; init; }

    public bool CanTrain(ExperimentPlan plan) => plan.Task == Core.Modeling.TaskKind.Binary;

    public async Task<ExternalTrial> TrainAsync(ExternalTrainingRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        if (BlockUntilCancelled is { } running)
        {
            running.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (clock is not null && trialTime is { } elapsed)
        {
            clock.Advance(elapsed);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ExternalTrial(Fit(request.Plan, request.Train, request.Seed), new Dictionary<string, object> { ["attempt"] = request.Attempt }, NumericColumns(request.Plan));
    }

    public Task<ITransformer> RefitAsync(ExternalRefitRequest request, CancellationToken cancellationToken)
    {
        Refits.Add(request);
        LastRefitModel = Fit(Requests[0].Plan, request.All, request.Seed);
        return Task.FromResult(LastRefitModel);
    }

    private static string[] NumericColumns(ExperimentPlan plan) =>
        plan.Columns.Where(c => c.Role == ColumnRole.Numeric).Select(c => c.Name).ToArray();

    private static ITransformer Fit(ExperimentPlan plan, IDataView data, int seed)
    {
        var mlContext = new MLContext(seed);
        return mlContext.Transforms.Concatenate("fake_features", NumericColumns(plan))
            .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(ReservedColumns.Label, "fake_features"))
            .Fit(data);
    }
}
