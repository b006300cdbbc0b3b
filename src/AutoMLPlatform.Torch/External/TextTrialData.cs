using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Torch.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Torch.External;

/// <summary>
/// Reads the rows the AutoML engine hands an external trainer into texts and class names: the text column as it is,
/// the encoded label (<see cref="ReservedColumns.Label"/>: a boolean for binary, a key for multiclass) back into the
/// class names of the <see cref="LabelEncoding"/>. Rows whose key is 0 (no known class) are left out.
/// </summary>
internal static class TextTrialData
{
    public static TextExamples Read(IDataView data, string textColumn, LabelEncoding labels)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        var text = data.Schema.GetColumnOrNull(textColumn) is { Type: TextDataViewType } t
            ? t
            : throw new ArgumentException($"The data has no text column '{textColumn}'.", nameof(textColumn));
        var label = data.Schema.GetColumnOrNull(ReservedColumns.Label) ?? throw new ArgumentException("The data has no encoded label.", nameof(data));
        var (texts, names) = (new List<string>(), new List<string>());
        using var cursor = data.GetRowCursor([text, label]);
        var getText = cursor.GetGetter<ReadOnlyMemory<char>>(text);
        var getClass = ClassGetter(cursor, label, labels);
        ReadOnlyMemory<char> value = default;
        while (cursor.MoveNext())
        {
            if (getClass() is { } name)
            {
                getText(ref value);
                texts.Add(value.ToString());
                names.Add(name);
            }
        }

        return new TextExamples(texts, names);
    }

    private static Func<string?> ClassGetter(DataViewRowCursor cursor, DataViewSchema.Column label, LabelEncoding labels)
    {
        switch (labels.Task)
        {
            case TaskKind.Binary:
                var getFlag = cursor.GetGetter<bool>(label);
                return () =>
                {
                    var flag = false;
                    getFlag(ref flag);
                    return labels.Classes[flag ? 1 : 0];
                };
            case TaskKind.Multiclass:
                var getKey = cursor.GetGetter<uint>(label);
                return () =>
                {
                    uint key = 0;
                    getKey(ref key);
                    return key == 0 || key > labels.Classes.Count ? null : labels.Classes[(int)key - 1];
                };
            default:
                throw new ArgumentException($"The text classifier cannot learn a {TaskKindNames.NameOf(labels.Task)} label.", nameof(labels));
        }
    }
}
