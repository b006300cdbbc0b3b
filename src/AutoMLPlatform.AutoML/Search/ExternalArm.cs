using AutoMLPlatform.AutoML.External;
using AutoMLPlatform.AutoML.Trials;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>An external trainer in the search: each trial is its next attempt; the cost is measured, or its declared relative cost when the run must repeat.</summary>
internal sealed class ExternalArm(IExternalTrainer trainer, ExternalTrialRunner runner, double? deterministicUnitCost)
    : SearchArm(new ArmStatistics(trainer.Name, Math.Max(trainer.RelativeCost, 1e-3)))
{
    private int _attempts;

    public override async Task<TrialOutcome> RunTrialAsync(int number, bool isFirst, CancellationToken cancellationToken)
    {
        _attempts++;
        var outcome = await runner.RunAsync(number, trainer, _attempts, isFirst, cancellationToken).ConfigureAwait(false);
        var cost = deterministicUnitCost is { } unit ? unit * Statistics.RelativeInitialCost : outcome.Duration.TotalSeconds;
        Statistics.Record(outcome.Loss, cost);
        return outcome;
    }
}
