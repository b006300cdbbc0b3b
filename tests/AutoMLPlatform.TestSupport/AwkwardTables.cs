using System.Globalization;
using System.Text;

namespace AutoMLPlatform.TestSupport;

/// <summary>
/// A binary table whose columns carry the names that break naive engines: names differing only in case, with dots,
/// spaces, brackets and non-ASCII letters, and the names of the engine's own columns. The label is "yes" when
/// <c>x1 − 0.6 (x2 − 1) − x3 / 2 (+ 0.3 if red) &gt; 0</c>, 5 % flipped, where x1 is uniform on [−1, 1], x2 on
/// [0, 2] (so the two case-twins differ in distribution too) and x3 on [−1, 1] with 10 % missing; the other columns
/// are noise: numbers (one with missing values), yes/no, categories and a date.
/// </summary>
public static class AwkwardTables
{
    /// <summary>Column names, in file order: x1, x2, color, x3, then the noise columns; the label (<c>Label</c>) last.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "Sc.Var.Maxis", "Sc.Var.maxis", "a b [c]", "größe", "__f0", "__f1_missing", "__dt_in", "__in1", "Score", "Features", "PredictedLabel",
        "__Features", "Probability", "__ens0", "__Label", "Label",
    ];

    /// <summary>Plain names for the same columns: <c>c0</c>, <c>c1</c>… and the label <c>y</c>.</summary>
    public static IReadOnlyList<string> PlainNames => Names.Select((_, i) => i == Names.Count - 1 ? "y" : $"c{i}").ToArray();

    /// <summary>The table's header: the names, quoted where they must be.</summary>
    public static string Header(IReadOnlyList<string> names) => string.Join(',', names.Select(Quote));

    /// <summary>The header of <paramref name="names"/> and <paramref name="rows"/> rows drawn with <paramref name="seed"/>.</summary>
    public static string Csv(IReadOnlyList<string> names, int rows, int seed = 5)
    {
        ArgumentNullException.ThrowIfNull(names);
        var random = new Random(seed);
        var text = new StringBuilder(Header(names)).Append('\n');
        string[] colors = ["red", "green", "blue"];
        for (var i = 0; i < rows; i++)
        {
            var x1 = random.NextDouble() * 2 - 1;
            var x2 = random.NextDouble() * 2;
            var x3 = random.NextDouble() * 2 - 1;
            var color = colors[random.Next(3)];
            var positive = x1 - 0.6 * (x2 - 1) - x3 / 2 + (color == "red" ? 0.3 : 0) > 0;
            if (random.NextDouble() < 0.05)
            {
                positive = !positive;
            }

            string[] cells =
            [
                F(x1), F(x2), color, random.NextDouble() < 0.1 ? "" : F(x3), F(random.NextDouble()), random.NextDouble() < 0.2 ? "" : F(random.NextDouble() * 10),
                new DateTime(2020, 1, 1).AddDays(random.Next(1000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), F(random.NextDouble()),
                F(random.NextDouble()), F(random.NextDouble()), random.Next(2) == 0 ? "yes" : "no", F(random.NextDouble()), F(random.NextDouble()),
                colors[random.Next(3)], F(random.NextDouble()), positive ? "yes" : "no",
            ];
            text.Append(string.Join(',', cells)).Append('\n');
        }

        return text.ToString();
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Quote(string name) =>
        name.IndexOfAny([',', '"', '\n', '\r']) >= 0 || name != name.Trim() ? $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : name;
}
