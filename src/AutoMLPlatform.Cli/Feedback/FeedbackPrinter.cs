using System.Globalization;
using AutoMLPlatform.Client.Feedback;
using Spectre.Console;

namespace AutoMLPlatform.Cli.Feedback;

/// <summary>How the feedback commands print their answers for a person (<c>--output json</c> prints the answer as it came).</summary>
internal static class FeedbackPrinter
{
    public static string Settings(string model, PredictionLogSettings settings) => settings.SampleRate <= 0
        ? string.Create(CultureInfo.InvariantCulture, $"{model}: prediction log off (retention {settings.RetentionDays} days)")
        : string.Create(CultureInfo.InvariantCulture, $"{model}: logging {settings.SampleRate:0.###} of predicted rows, kept {settings.RetentionDays} days");

    /// <summary>A line with the counts, then one per refused row the platform listed.</summary>
    public static IEnumerable<string> Sent(FeedbackResult sent)
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"{sent.Accepted} accepted, {sent.Replaced} replaced, {sent.Rejected} refused");
        foreach (var row in sent.Results.Where(r => r.Status != 200))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"row {row.Index + 1} ({row.PredictionId}): {row.Status} {row.ErrorCode}: {row.Detail}");
        }
    }

    /// <summary>One row per window and a total row; one column per metric any window has.</summary>
    public static Table Quality(LiveQuality quality)
    {
        var metrics = quality.Windows.Append(quality.Total).SelectMany(w => w.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var table = new Table { Title = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{quality.Model} version {quality.Version} ({quality.Task}), by {quality.Window}"))) };
        table.AddColumns(["from", "predictions", "labelled", "share", .. metrics.Select(Markup.Escape)]);
        foreach (var window in quality.Windows)
        {
            table.AddRow(Row(window.From.UtcDateTime.ToString(quality.Window == "hour" ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture), window, metrics));
        }

        table.AddRow(Row("total", quality.Total, metrics));
        return table;
    }

    private static string[] Row(string label, QualityWindow window, string[] metrics) =>
    [
        label,
        window.Predictions.ToString(CultureInfo.InvariantCulture),
        window.Labelled.ToString(CultureInfo.InvariantCulture),
        window.Predictions == 0 ? "" : window.LabelledShare.ToString("0.00", CultureInfo.InvariantCulture),
        .. metrics.Select(m => window.Metrics.TryGetValue(m, out var value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : ""),
    ];
}
