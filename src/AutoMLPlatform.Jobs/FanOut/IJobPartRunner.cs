using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Jobs.FanOut;

/// <summary>Runs one part of a fanned-out job's search; the seam between Hangfire's entry point and the work.</summary>
public interface IJobPartRunner
{
    Task RunAsync(JobId id, int attempt, int part, CancellationToken shutdown);
}
