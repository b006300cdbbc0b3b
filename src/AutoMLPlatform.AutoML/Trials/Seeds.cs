namespace AutoMLPlatform.AutoML.Trials;

/// <summary>Derives the seed of each trial, fold and tuner from the experiment's seed, the same in every process (unlike <see cref="HashCode"/>).</summary>
internal static class Seeds
{
    public static int For(int seed, int part, int subpart = 0) =>
        unchecked((int)(((uint)seed * 2654435761u) ^ ((uint)part * 40503u) ^ ((uint)subpart * 2246822519u)) & int.MaxValue);
}
