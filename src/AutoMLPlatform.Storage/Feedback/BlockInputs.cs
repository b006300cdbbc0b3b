using System.Buffers;
using System.Text;
using System.Text.Json;
using AutoMLPlatform.Core.Feedback;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// A block's inputs in a compact binary form, sealed as one piece: the column-name lists its rows use, once each,
/// then per row the index of its list and a tagged value per column: missing; a whole number in as few bytes as it
/// needs, or any other number in 4; a text the block has not held yet, which joins its texts, or the number of one it
/// has. They are read back as JSON objects by column name, as the model saw them. Blocks of the first format (format
/// byte 1) hold no whole numbers and no text numbers, and read the same way.
/// </summary>
internal static class BlockInputs
{
    private const byte FirstFormat = 1;
    private const byte Format = 2;

    private const byte Missing = 0;
    private const byte Number = 1;
    private const byte Text = 2;
    private const byte WholeNumber = 3;
    private const byte KnownText = 4;

    /// <summary>Whole numbers up to this size are stored as whole numbers: every one of them is a float exactly.</summary>
    private const float WholeLimit = 1 << 24;

    public static byte[] Encode(IReadOnlyList<LoggedPrediction> rows)
    {
        // Rows of one model version share their names list, so a block stores a handful of lists, not one per row.
        var lists = new Dictionary<IReadOnlyList<string>, int>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows)
        {
            lists.TryAdd(row.Inputs.Names, lists.Count);
        }

        var writer = new BlockWriter(64 * rows.Count + 64);
        writer.Byte(Format);
        writer.Count(lists.Count);
        foreach (var names in lists.Keys)
        {
            writer.Count(names.Count);
            foreach (var name in names)
            {
                writer.Text(name);
            }
        }

        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var inputs = row.Inputs;
            writer.Count(lists[inputs.Names]);
            for (var i = 0; i < inputs.Names.Count; i++)
            {
                var (text, number) = (inputs.Texts[i], inputs.Numbers[i]);
                if (text is null ? float.IsNaN(number) : text.Length == 0)
                {
                    writer.Byte(Missing);
                }
                else if (text is null)
                {
                    Value(writer, number);
                }
                else
                {
                    Value(writer, texts, text);
                }
            }
        }

        return writer.ToArray();
    }

    private static void Value(BlockWriter writer, float number)
    {
        // -0 is whole, but would come back as 0.
        if (float.IsInteger(number) && Math.Abs(number) <= WholeLimit && !(number == 0 && float.IsNegative(number)))
        {
            writer.Byte(WholeNumber);
            writer.Signed((long)number);
        }
        else
        {
            writer.Byte(Number);
            writer.Single(number);
        }
    }

    private static void Value(BlockWriter writer, Dictionary<string, int> texts, string text)
    {
        if (texts.TryGetValue(text, out var index))
        {
            writer.Byte(KnownText);
            writer.Count(index);
            return;
        }

        writer.Byte(Text);
        writer.Text(text);
        texts.Add(text, texts.Count);
    }

    /// <summary>The inputs of the rows at <paramref name="indexes"/>, each as a JSON object by column name (missing values null).</summary>
    public static IReadOnlyDictionary<int, string> ReadJson(byte[] plain, IReadOnlySet<int> indexes)
    {
        var reader = new BlockReader(plain);
        if (reader.Byte() is not (Format or FirstFormat))
        {
            throw new InvalidDataException("A prediction block's inputs are in an unknown format.");
        }

        var lists = new string[reader.Count()][];
        for (var l = 0; l < lists.Length; l++)
        {
            lists[l] = new string[reader.Count()];
            for (var c = 0; c < lists[l].Length; c++)
            {
                lists[l][c] = reader.Text();
            }
        }

        var texts = new List<string>();
        var found = new Dictionary<int, string>(indexes.Count);
        var json = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(json);
        var last = indexes.Count == 0 ? -1 : indexes.Max();
        for (var row = 0; row <= last; row++)
        {
            var names = lists[reader.Count()];
            var wanted = indexes.Contains(row);
            json.ResetWrittenCount();
            writer.Reset(json);
            writer.WriteStartObject();
            foreach (var name in names)
            {
                switch (reader.Byte())
                {
                    case Number when wanted:
                        writer.WriteNumber(name, reader.Single());
                        break;
                    case Number:
                        reader.Single();
                        break;
                    case WholeNumber when wanted:
                        writer.WriteNumber(name, (float)reader.Signed());
                        break;
                    case WholeNumber:
                        reader.Signed();
                        break;
                    case Text:
                        texts.Add(reader.Text());
                        if (wanted)
                        {
                            writer.WriteString(name, texts[^1]);
                        }

                        break;
                    case KnownText:
                        var known = KnownTextValue(ref reader, texts);
                        if (wanted)
                        {
                            writer.WriteString(name, known);
                        }

                        break;
                    case Missing when wanted:
                        writer.WriteNull(name);
                        break;
                    case Missing:
                        break;
                    default:
                        throw new InvalidDataException("A prediction block's inputs hold an unknown value tag.");
                }
            }

            writer.WriteEndObject();
            writer.Flush();
            if (wanted)
            {
                found[row] = Encoding.UTF8.GetString(json.WrittenSpan);
            }
        }

        return found;
    }

    /// <summary>A text the block already holds, by its number.</summary>
    private static string KnownTextValue(ref BlockReader reader, List<string> texts) =>
        reader.Count() is var index && index < texts.Count ? texts[index] : throw new InvalidDataException("A prediction block names a text it does not hold.");

    /// <summary>
    /// A JSON object of inputs (the log's earlier format) as <see cref="LoggedInputs"/>: numbers as numbers, strings as
    /// texts, anything else missing. Equal name lists are shared through <paramref name="names"/>.
    /// </summary>
    public static LoggedInputs FromJson(JsonElement inputs, Dictionary<string, IReadOnlyList<string>> names)
    {
        var properties = inputs.EnumerateObject().ToArray();
        var numbers = new float[properties.Length];
        var texts = new string?[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var value = properties[i].Value;
            numbers[i] = value.ValueKind == JsonValueKind.Number ? value.GetSingle() : float.NaN;
            texts[i] = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }

        var list = properties.Select(p => p.Name).ToArray();
        var key = string.Join('\u0001', list);
        if (!names.TryGetValue(key, out var shared))
        {
            names[key] = shared = list;
        }

        return new LoggedInputs(shared, numbers, texts);
    }
}
