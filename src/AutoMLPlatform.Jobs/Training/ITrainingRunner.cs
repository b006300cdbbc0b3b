using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>Runs one attempt of a stored training job; the seam between Hangfire's entry point and the work.</summary>
public interface ITrainingRunner
{
    Task RunAsync(JobId id, CancellationToken shutdown);
}
