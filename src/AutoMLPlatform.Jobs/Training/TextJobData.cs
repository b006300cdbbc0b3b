using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>The texts and class names of a table for the text classifier; rows without a label are left out.</summary>
internal static class TextJobData
{
    public static (List<string> Texts, List<string> Labels) Read(LoadedTable table, string textColumn, string labelColumn)
    {
        var texts = table[textColumn] is StringColumn text ? text.Values : throw new InvalidOperationException($"'{textColumn}' is not a text column.");
        var labels = table[labelColumn] switch
        {
            StringColumn s => s.Values,
            NumericColumn n => n.Values.Select(ClassName.Of).ToArray(),
            _ => throw new InvalidOperationException($"'{labelColumn}' cannot be a label."),
        };
        var (keptTexts, keptLabels) = (new List<string>(), new List<string>());
        for (var row = 0; row < labels.Length; row++)
        {
            if (labels[row].Length > 0)
            {
                keptTexts.Add(texts[row]);
                keptLabels.Add(labels[row]);
            }
        }

        return (keptTexts, keptLabels);
    }
}
