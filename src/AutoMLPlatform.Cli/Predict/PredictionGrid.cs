using System.Globalization;
using System.Text.Json;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Cli.Predict;

/// <summary>Predictions as a grid of text (a header and rows), whether they came back as CSV or as JSON.</summary>
internal sealed record PredictionGrid(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>
    /// The rows of a batch answer (input columns, then prediction columns), its header named as the platform names a
    /// header (<see cref="HeaderNames"/>): input columns echo the caller's header, which may repeat a name.
    /// </summary>
    public static async Task<PredictionGrid> FromCsvAsync(Stream csv, CancellationToken cancellationToken)
    {
        using var reader = new CsvReader(csv, ',', leaveOpen: true);
        var fields = new List<string>();
        if (!await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false))
        {
            return new PredictionGrid([], []);
        }

        var columns = HeaderNames.Normalize(fields);
        var rows = new List<IReadOnlyList<string>>();
        while (await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(fields.ToArray());
        }

        return new PredictionGrid(columns, rows);
    }

    /// <summary>
    /// The predictions of a JSON answer (one object, or <c>{"predictions": [...]}</c>): <c>predictedLabel</c>, one
    /// <c>probability_CLASS</c> column per class, <c>score</c>, <c>predictedValue</c>, as the answer has them.
    /// </summary>
    public static PredictionGrid FromJson(JsonElement answer)
    {
        var predictions = answer.TryGetProperty("predictions", out var many) ? many.EnumerateArray().ToArray() : [answer];
        var columns = new List<string>();
        var rows = predictions.Select(p => Cells(p, columns)).ToArray();
        return new PredictionGrid(columns, rows.Select(r => (IReadOnlyList<string>)columns.Select(c => r.GetValueOrDefault(c, "")).ToArray()).ToArray());
    }

    /// <summary>Each row as an object, numbers as numbers: what <c>--output json</c> prints for a CSV batch.</summary>
    public IReadOnlyList<Dictionary<string, object?>> AsObjects() =>
        Rows.Select(row => Columns.Select((c, i) => (c, Value(i < row.Count ? row[i] : ""))).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal)).ToArray();

    private static Dictionary<string, string> Cells(JsonElement prediction, List<string> columns)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in prediction.EnumerateObject())
        {
            switch (field.Name)
            {
                case "model" or "version" or "explanation":
                    break;
                case "probabilities":
                    foreach (var p in field.Value.EnumerateObject())
                    {
                        Add($"probability_{p.Name}", p.Value.ToString());
                    }

                    break;
                default:
                    Add(field.Name, field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() ?? "" : field.Value.ToString());
                    break;
            }
        }

        return cells;

        void Add(string column, string value)
        {
            if (!columns.Contains(column))
            {
                columns.Add(column);
            }

            cells[column] = value;
        }
    }

    private static object? Value(string text) =>
        text.Length == 0 ? null : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : text;
}
