namespace AutoMLPlatform.Torch.Text;

/// <summary>
/// 64-bit FNV-1a hashes of text features, stable across processes and machines (unlike <c>string.GetHashCode</c>),
/// so a vocabulary can be stored as hashes instead of strings. A kind byte keeps a word, a word pair and a character
/// n-gram with the same letters apart. With a few hundred thousand features, a collision is about one in 10^8.
/// </summary>
internal static class FeatureHash
{
    public const byte Word = 1;
    public const byte WordPair = 2;
    public const byte CharGram = 3;

    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(byte kind, ReadOnlySpan<char> text) => Append(Start(kind), text);

    public static ulong Of(byte kind, ReadOnlySpan<char> first, ReadOnlySpan<char> second) =>
        Append((Append(Start(kind), first) ^ ' ') * Prime, second);

    private static ulong Start(byte kind) => (Offset ^ kind) * Prime;

    private static ulong Append(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }
}
