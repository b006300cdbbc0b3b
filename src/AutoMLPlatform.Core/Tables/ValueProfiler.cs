using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.Core.Tables;

/// <summary>
/// Profiles one column from values already in memory, by the same rules as <see cref="TableProfiler"/> applies to
/// an uploaded file (empty = missing; type, distinct count and numeric summary inferred from the text).
/// </summary>
public static class ValueProfiler
{
    public static ColumnProfile Profile(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var accumulator = new ColumnAccumulator(name, []);
        foreach (var value in values)
        {
            accumulator.Add(value);
        }

        return accumulator.ToProfile();
    }
}
