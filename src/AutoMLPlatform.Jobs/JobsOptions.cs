using System.ComponentModel.DataAnnotations;

namespace AutoMLPlatform.Jobs;

/// <summary>How training jobs run and recover. Bound from <c>AutoMLPlatform:Jobs</c>.</summary>
public sealed class JobsOptions : IValidatableObject
{
    public const string SectionName = "AutoMLPlatform:Jobs";

    /// <summary>How often a running job writes its heartbeat and checks whether it was cancelled.</summary>
    /// <value>Defaults to 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A running job whose heartbeat is older than this is presumed dead and queued again.</summary>
    /// <value>Defaults to 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times a job or pipeline run may be claimed by a worker. An attempt that does not finish (its worker died,
    /// lost the database or was shut down) leaves the row to be claimed again; once this many attempts were started
    /// the row fails with the reason instead, so a job that kills every worker that takes it does not circulate forever.
    /// </summary>
    /// <value>Defaults to 5.</value>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often the recovery sweep looks for dead jobs.</summary>
    /// <value>Defaults to 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RecoverySweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The Hangfire queues this process's workers take work from (<see cref="Queueing.QueueNames"/>): e.g. <c>training</c>
    /// on the big machines and <c>pipelines</c>, <c>default</c> on a small one. Empty for all of them.
    /// </summary>
    /// <value>Defaults to empty: every queue.</value>
    public string[] Queues { get; set; } = [];

    /// <summary>The queues served: <see cref="Queues"/>, or every queue when it is empty.</summary>
    public IReadOnlyList<string> ServedQueues => Queues.Length > 0 ? Queues : Queueing.QueueNames.All;

    /// <summary>Jobs one process trains at once. One training run already uses every core, so more only helps on big machines.</summary>
    /// <value>Defaults to 1.</value>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 1;

    /// <summary>
    /// Share of a job's time budget spent after registration on permutation feature importance, but never less than
    /// <see cref="MinimumImportanceTime"/>; the rows are sampled down, or fewer repeats run, to stay inside it. 0 turns
    /// importance off.
    /// </summary>
    /// <value>Defaults to 0.1 (a tenth of the budget).</value>
    [Range(0.0, 1.0)]
    public double ImportanceBudgetShare { get; set; } = 0.1;

    /// <summary>The least time importance gets when it is on: a tenth of a short budget does not cover one pass per column.</summary>
    /// <value>Defaults to 3 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MinimumImportanceTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Largest dataset or model file handled, in bytes.</summary>
    /// <value>Defaults to 2 GiB.</value>
    [Range(1, long.MaxValue)]
    public long MaxArtifactBytes { get; set; } = 2L << 30;

    /// <summary>Queue names are known ones: a typo would leave a worker idle while work waits.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var queue in Queues.Where(q => !Queueing.QueueNames.All.Contains(q)))
        {
            yield return new ValidationResult(
                $"Unknown queue '{queue}' in {SectionName}:Queues; the queues are {string.Join(", ", Queueing.QueueNames.All)}.", [nameof(Queues)]);
        }
    }
}
