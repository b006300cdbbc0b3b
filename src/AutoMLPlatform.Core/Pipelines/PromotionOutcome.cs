namespace AutoMLPlatform.Core.Pipelines;

/// <summary>What a run decided about its challenger.</summary>
public enum PromotionOutcome
{
    /// <summary>The alias had no version: the challenger became the champion.</summary>
    FirstChampion,

    /// <summary>The challenger won by the policy's margin: the alias moved to it.</summary>
    Promoted,

    /// <summary>The challenger did not win by the margin: the champion stays.</summary>
    NotBetter,

    /// <summary>
    /// The champion cannot be scored on the new rows (its columns or classes are not in the data any more): the
    /// champion stays, and a person decides (promote the challenger with <c>PUT /api/models/{name}/aliases/{alias}</c>).
    /// </summary>
    ChampionNotComparable,
}
