using System.Globalization;
using System.Text;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.TestSupport;

/// <summary>Small tables made in code with a fixed seed, and helpers to load CSV text the way the platform does.</summary>
public static class TestTables
{
    /// <summary>
    /// A binary table where <c>y</c> is "yes" exactly when <c>x1 + 0.5 * x2 &gt; 0</c> (plus 5 % label noise), with a
    /// categorical column <c>color</c> that carries no signal.
    /// </summary>
    public static string BinaryCsv(int rows, int seed = 7)
    {
        var random = new Random(seed);
        var text = new StringBuilder("x1,x2,color,y\n");
        string[] colors = ["red", "green", "blue"];
        for (var i = 0; i < rows; i++)
        {
            var x1 = random.NextDouble() * 2 - 1;
            var x2 = random.NextDouble() * 2 - 1;
            var positive = x1 + 0.5 * x2 > 0;
            if (random.NextDouble() < 0.05)
            {
                positive = !positive;
            }

            text.Append(CultureInfo.InvariantCulture, $"{x1:F4},{x2:F4},{colors[random.Next(3)]},{(positive ? "yes" : "no")}\n");
        }

        return text.ToString();
    }

    /// <summary>The CSV with <paramref name="by"/> added to the numeric column at <paramref name="column"/> in every data row: drifted input.</summary>
    public static string Shift(string csv, int column, double by)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.TrimEnd('\n').Split('\n');
        return string.Join('\n', lines.Select((line, i) =>
        {
            if (i == 0)
            {
                return line;
            }

            var fields = line.Split(',');
            fields[column] = (double.Parse(fields[column], System.Globalization.CultureInfo.InvariantCulture) + by)
                .ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
            return string.Join(',', fields);
        })) + "\n";
    }

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    public static async Task<(LoadedTable Table, Core.Datasets.DatasetSchema Schema)> LoadAsync(string csv, char delimiter = ',')
    {
        var profile = await TableProfiler.ProfileAsync(Utf8(csv), delimiter, CancellationToken.None);
        var table = await TableLoader.LoadAsync(Utf8(csv), delimiter, profile.Schema, CancellationToken.None);
        return (table, profile.Schema);
    }

    public static async Task<(LoadedTable Table, Core.Datasets.DatasetSchema Schema)> LoadFileAsync(string path)
    {
        var csv = await File.ReadAllTextAsync(path);
        return await LoadAsync(csv);
    }
}
