using AutoMLPlatform.Core.Jobs;
using Hangfire;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>
/// The Hangfire entry point of a training job. Hangfire passes the job id and a token it fires on shutdown;
/// retries are off because our job row, not Hangfire, decides what runs again (see <see cref="Leasing.LeaseRecoveryService{TRow}"/>),
/// and so is its failure log: the runner logs one line with the reason.
/// </summary>
public sealed class TrainModelJob(ITrainingRunner runner)
{
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [JobDisplayName("Train model for job {0}")]
    public Task ExecuteAsync(Guid jobId, CancellationToken cancellationToken) =>
        runner.RunAsync(JobId.FromGuid(jobId), cancellationToken);
}
