namespace AutoMLPlatform.Core.Pipelines;

/// <summary>
/// Retrain on drift: every <see cref="CheckEvery"/>, the champion's stored drift is read, and a run starts when an
/// input column's population stability index exceeds <see cref="MaxPsi"/> over at least <see cref="MinRows"/> scored
/// rows. One drift run per champion version: after it, that champion's drift starts no other run.
/// </summary>
/// <param name="MaxPsi">The PSI above which a column counts as drifted, more than 0.</param>
/// <param name="MinRows">Scored rows the champion needs before its drift is trusted, 1 or more.</param>
/// <param name="CheckEvery">How often the check runs; a whole number of minutes dividing an hour, or of hours dividing a day.</param>
public sealed record DriftTrigger(double MaxPsi, long MinRows, TimeSpan CheckEvery)
{
    public const long DefaultMinRows = 500;
    public const double MaxMaxPsi = 10;
    public static readonly TimeSpan DefaultCheckEvery = TimeSpan.FromMinutes(5);
}
