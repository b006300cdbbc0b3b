using AutoMLPlatform.Core.Jobs;
using Hangfire;

namespace AutoMLPlatform.Jobs.FanOut;

/// <summary>
/// The Hangfire entry point of one part of a fanned-out job. Retries are off: a part that fails is reported on its row,
/// and the job goes on with the other parts (see <see cref="FanOutSearch"/>).
/// </summary>
public sealed class TrainJobPartJob(IJobPartRunner runner)
{
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [JobDisplayName("Search part {2} of job {0}")]
    public Task ExecuteAsync(Guid jobId, int attempt, int part, CancellationToken cancellationToken) =>
        runner.RunAsync(JobId.FromGuid(jobId), attempt, part, cancellationToken);
}
