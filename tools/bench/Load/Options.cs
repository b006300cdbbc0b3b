using System.Globalization;

namespace AutoMLPlatform.Bench.Load;

/// <summary>The load benchmark's command line.</summary>
/// <param name="Mode"><c>load</c>: many small jobs at once; <c>fanout</c>: one job at each of <paramref name="Parallelism"/>, in turn.</param>
internal sealed record Options(string Server, string Postgres, string Csv, string Label, int Jobs, int Workers, int Models, int Budget, string Work, string Commit,
    string Mode, IReadOnlyList<int> Parallelism, int Rounds)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new Options(Required("server"), Required("postgres"), Required("csv"), Required("label"), Number("jobs", 500), Number("workers", 2),
            Number("models", 10), Number("budget", 5), values.GetValueOrDefault("work") ?? Path.GetTempPath(), values.GetValueOrDefault("commit") ?? "unknown",
            values.GetValueOrDefault("mode") ?? "load",
            (values.GetValueOrDefault("parallelism") ?? "1,2").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray(),
            Number("rounds", 1));
    }
}
