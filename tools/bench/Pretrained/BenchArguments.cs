using System.Globalization;

namespace AutoMLPlatform.Bench.Pretrained;

/// <summary><c>--data DIR --train-rows N --predictions N --encode-texts N --commit SHA</c>.</summary>
internal sealed record BenchArguments(string Data, int TrainRows, int Predictions, int EncodeTexts, string Commit)
{
    public static BenchArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchArguments(values.GetValueOrDefault("--data", "../shared/datasets/fine_foods"), Number("--train-rows", 1000), Number("--predictions", 300),
            Number("--encode-texts", 200), values.GetValueOrDefault("--commit", "unknown"));
    }
}
