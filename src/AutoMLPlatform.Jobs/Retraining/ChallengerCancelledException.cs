using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// The run's training job was cancelled (through the run or <c>/api/jobs/{id}/cancel</c>): a person asked for the run
/// to stop, so it ends cancelled instead of failing and trying again.
/// </summary>
internal sealed class ChallengerCancelledException(JobId job)
    : Exception($"Cancelled: its training job {job} was cancelled.")
{
    public JobId Job { get; } = job;
}
