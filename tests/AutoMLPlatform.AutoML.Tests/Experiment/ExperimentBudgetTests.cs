using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.AutoML.Tests.External;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Tests.Experiment;

/// <summary>Budget, cancellation and memory behaviour, on a fake clock where time matters: no real timing is asserted.</summary>
[Category("Slow")]
public class ExperimentBudgetTests
{
    [Test]
    public async Task A_trial_that_would_leave_no_time_for_the_refit_is_stopped_and_the_search_ends()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(300));
        var clock = new FakeTimeProvider();
        var external = new FakeExternalTrainer(clock, TimeSpan.FromSeconds(10));
        var settings = new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(60), Trainers = [], ExternalTrainers = [external] };

        var result = await new AutoMLExperiment(new MLContext(1), settings, clock).RunAsync(table, schema, null, CancellationToken.None);

        // Each trial "takes" 10 s and its refit about 14 s, so the fifth trial, ending at 50 s, would leave too little.
        Assert.Multiple(() =>
        {
            Assert.That(result.Trials.Select(t => t.Succeeded), Is.EqualTo(new[] { true, true, true, true, false }));
            Assert.That(result.Trials[^1].Error, Does.Contain("overrun the time budget"));
            Assert.That(clock.GetUtcNow() - clock.Start, Is.LessThanOrEqualTo(settings.TimeBudget));
        });
    }

    [Test]
    public async Task The_winner_of_an_external_trainer_is_refit_on_every_row_and_returned()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(300));
        var external = new FakeExternalTrainer();
        var settings = new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(60), MaxTrials = 2, Trainers = [], ExternalTrainers = [external] };

        var result = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.BestTrial.Trainer, Is.EqualTo("FakeExternal"));
            Assert.That(result.BestTrial.Metrics["auc"], Is.GreaterThan(0.9));
            Assert.That(external.Refits.Single().All.GetRowCount(), Is.EqualTo(300));
            Assert.That(result.Model, Is.SameAs(external.LastRefitModel));
            Assert.That(result.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "x1", "x2" }));
            Assert.That(external.Requests.Select(r => r.Attempt), Is.EqualTo(new[] { 1, 2 }));
        });
    }

    [Test]
    public async Task An_external_trainer_competes_with_the_engine_s_own_trainers()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(300));
        var external = new FakeExternalTrainer();
        var settings = new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(60), MaxTrials = 12, Trainers = ["LightGbm"], ExternalTrainers = [external] };

        var result = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, CancellationToken.None);

        Assert.That(result.Trials.Select(t => t.Trainer), Does.Contain("FakeExternal").And.Contain("LightGbm"));
    }

    [Test]
    public async Task Cancelling_while_a_trial_runs_ends_the_run_with_a_cancellation()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(300));
        var running = new TaskCompletionSource();
        var external = new FakeExternalTrainer { BlockUntilCancelled = running };
        var settings = new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromMinutes(10), Trainers = [], ExternalTrainers = [external] };
        using var cancellation = new CancellationTokenSource();

        var run = new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, cancellation.Token);
        await running.Task;
        await cancellation.CancelAsync();

        Assert.That(async () => await run, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Cancelling_between_trials_ends_the_run_with_a_cancellation()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(300));
        using var cancellation = new CancellationTokenSource();
        var monitor = new CancellingMonitor(cancellation, afterTrials: 2);
        var settings = new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromMinutes(10) };

        var run = new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, monitor, cancellation.Token);

        Assert.Multiple(() =>
        {
            Assert.That(async () => await run, Throws.InstanceOf<OperationCanceledException>());
            Assert.That(monitor.Trials, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_process_over_the_memory_limit_between_trials_ends_the_search_and_says_why_instead_of_starting_trials_that_cannot_run()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(300));
        var settings = new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(60), MemoryLimitBytes = 1 };
        var monitor = new CancellingMonitor(null, afterTrials: int.MaxValue);

        var refused = Assert.ThrowsAsync<NoSuccessfulTrialException>(() => new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, monitor, CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(refused!.Message, Does.Contain("above the memory limit of 0 MB"));
            Assert.That(monitor.Trials, Is.Zero, "before this, a search with no trial limit started tens of thousands of trials that each stopped at once");
        });
    }

    private sealed class CancellingMonitor(CancellationTokenSource? cancellation, int afterTrials) : IExperimentMonitor
    {
        public int Trials { get; private set; }

        public List<string?> Errors { get; } = [];

        public Task OnPlannedAsync(ExperimentPlan plan, CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task OnTrialCompletedAsync(TrialResult trial, TrialResult? best, CancellationToken cancellationToken)
        {
            Errors.Add(trial.Error);
            if (++Trials == afterTrials && cancellation is not null)
            {
                await cancellation.CancelAsync();
            }
        }
    }
}
