namespace AutoMLPlatform.Client.Jobs;

/// <summary>How far a job has got.</summary>
/// <param name="Phase"><c>queued</c>, <c>profiling</c>, <c>searching</c>, <c>refitting</c>, <c>done</c>, ….</param>
/// <param name="TrialsDone">Trials finished.</param>
/// <param name="BestScore">The best trial's score so far (of the job's metric).</param>
/// <param name="BestTrainer">The best trial's trainer.</param>
/// <param name="ElapsedSeconds">Time spent so far.</param>
/// <param name="Validation">How trials are validated, in words.</param>
public sealed record JobProgress(string Phase, int TrialsDone, double? BestScore, string? BestTrainer, double ElapsedSeconds, string? Validation);
