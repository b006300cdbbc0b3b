namespace AutoMLPlatform.Core.Tables;

/// <summary>
/// How a header row becomes column names, read the way pandas' <c>read_csv</c> reads it, so every table a data frame
/// library opens has columns here too: names are compared exactly (<c>Sc.Var.Maxis</c> and <c>Sc.Var.maxis</c> are two
/// columns; dots, spaces, brackets and any Unicode letters are kept), each name is trimmed, an empty one is named
/// <c>Unnamed: i</c> (i its 0-based position, as pandas names an index column written without a name), and a name
/// that repeats, exactly or once trimmed, takes pandas' suffix: <c>a, a</c> becomes <c>a, a.1</c>, a third <c>a.2</c>,
/// skipping any suffixed name the header already has.
/// </summary>
public static class HeaderNames
{
    /// <summary>The column names of <paramref name="header"/>, in order: trimmed, named when empty, unique.</summary>
    public static string[] Normalize(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var names = new string[header.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var name = header[i].Trim();
            names[i] = name.Length == 0 ? $"Unnamed: {i}" : name;
        }

        return Deduplicate(names);
    }

    /// <summary>
    /// The names made unique in order, the first of each kept as it is (pandas' rule): a repeat of <c>a</c> becomes
    /// <c>a.1</c>, or <c>a.2</c> if <c>a.1</c> is already taken, and so on.
    /// </summary>
    public static string[] Deduplicate(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var result = names.ToArray();

        // counts[name] is one more than the last suffix tried for that name (0 when unseen), so each repeat resumes
        // the search where the previous one stopped instead of starting again at ".1".
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Length; i++)
        {
            var name = result[i];
            var count = counts.GetValueOrDefault(name);
            while (count > 0)
            {
                counts[name] = count + 1;
                name = $"{name}.{count}";
                count = counts.GetValueOrDefault(name);
            }

            result[i] = name;
            counts[name] = count + 1;
        }

        return result;
    }
}
