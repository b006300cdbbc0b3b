using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.Searching;
using AutoMLPlatform.Jobs.Training;

namespace AutoMLPlatform.Jobs.FanOut;

/// <summary>The winning part of a fanned-out search; <paramref name="Local"/> is its full result when it ran in this process.</summary>
internal sealed record FanOutResult(JobPartOutcome Winner, SearchOutcome? Local);
