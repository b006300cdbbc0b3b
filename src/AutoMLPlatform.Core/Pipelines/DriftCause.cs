namespace AutoMLPlatform.Core.Pipelines;

/// <summary>Why a drift check started a run: the most drifted input column of the champion, and how much it had scored.</summary>
/// <param name="Column">The input column whose PSI was the highest.</param>
/// <param name="Psi">Its population stability index.</param>
/// <param name="MaxPsi">The threshold it exceeded.</param>
/// <param name="ChampionVersion">The version the alias pointed at.</param>
/// <param name="Rows">Rows the champion had scored.</param>
public sealed record DriftCause(string Column, double Psi, double MaxPsi, int ChampionVersion, long Rows);
