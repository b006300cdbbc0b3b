using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Torch.Text;

/// <summary>
/// The texts and class names of a table for the text classifier, as a <c>text-classification</c> job and
/// <c>automl bench --task text-classification</c> read them; rows without a label are left out.
/// </summary>
public static class TextTable
{
    public static (List<string> Texts, List<string> Labels) Read(LoadedTable table, string textColumn, string labelColumn)
    {
        ArgumentNullException.ThrowIfNull(table);
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
