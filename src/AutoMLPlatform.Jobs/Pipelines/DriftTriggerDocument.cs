namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The <c>schedule.driftTrigger</c> of a pipeline document: also run when the champion's scored rows drift.</summary>
/// <param name="MaxPsi">Start a run when an input column's PSI exceeds this (required): above 0, at most 10; 0.25 is the usual "shifted".</param>
/// <param name="MinRows">Scored rows the champion needs first: 1 or more, 500 when left out.</param>
/// <param name="CheckEvery">How often to check, as <c>hh:mm:ss</c>: whole minutes dividing an hour or whole hours dividing a day, <c>00:05:00</c> when left out.</param>
public sealed record DriftTriggerDocument(double? MaxPsi = null, long? MinRows = null, string? CheckEvery = null);
