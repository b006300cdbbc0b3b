using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Bench.Torch;

/// <summary>Reads a text column and a label column from a shared CSV.</summary>
internal static class CsvTexts
{
    public static async Task<(List<string> Texts, List<string> Labels)> ReadAsync(string path, string textColumn, string labelColumn)
    {
        using var reader = new CsvReader(File.OpenRead(path));
        var fields = new List<string>();
        await reader.ReadRecordAsync(fields, CancellationToken.None);
        var (text, label) = (fields.IndexOf(textColumn), fields.IndexOf(labelColumn));
        var (texts, labels) = (new List<string>(), new List<string>());
        while (await reader.ReadRecordAsync(fields, CancellationToken.None))
        {
            texts.Add(fields[text]);
            labels.Add(fields[label]);
        }

        return (texts, labels);
    }
}
