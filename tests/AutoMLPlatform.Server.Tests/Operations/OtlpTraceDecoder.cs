using System.Text;

namespace AutoMLPlatform.Server.Tests.Operations;

/// <summary>A span as an OTLP receiver sees it: the sending process's service name, ids in hex, and the span's name.</summary>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name);

/// <summary>
/// Reads the few fields a test needs out of an OTLP <c>ExportTraceServiceRequest</c> (protobuf wire format, as the
/// opentelemetry-proto definitions number them): resource_spans(1) → resource(1) → attributes(1) for
/// <c>service.name</c>, and scope_spans(2) → spans(2) → trace_id(1), span_id(2), parent_span_id(4), name(5).
/// </summary>
public static class OtlpTraceDecoder
{
    public static IReadOnlyList<ReceivedSpan> Decode(byte[] request)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1).Select(f => f.Bytes))
        {
            var service = Fields(resourceSpans).Where(f => f.Number == 1).SelectMany(r => Fields(r.Bytes)).Where(f => f.Number == 1)
                .Select(a => Attribute(a.Bytes)).FirstOrDefault(a => a.Key == "service.name").Value ?? "";
            foreach (var scopeSpans in Fields(resourceSpans).Where(f => f.Number == 2).Select(f => f.Bytes))
            {
                foreach (var span in Fields(scopeSpans).Where(f => f.Number == 2).Select(f => f.Bytes))
                {
                    var fields = Fields(span).ToArray();
                    spans.Add(new ReceivedSpan(service, Hex(fields, 1), Hex(fields, 2), Hex(fields, 4),
                        Encoding.UTF8.GetString(fields.FirstOrDefault(f => f.Number == 5).Bytes ?? [])));
                }
            }
        }

        return spans;
    }

    private static (string Key, string? Value) Attribute(byte[] keyValue)
    {
        var fields = Fields(keyValue).ToArray();
        var key = Encoding.UTF8.GetString(fields.FirstOrDefault(f => f.Number == 1).Bytes ?? []);
        var value = fields.Where(f => f.Number == 2).SelectMany(f => Fields(f.Bytes)).Where(f => f.Number == 1).Select(f => Encoding.UTF8.GetString(f.Bytes)).FirstOrDefault();
        return (key, value);
    }

    private static string Hex((int Number, byte[] Bytes)[] fields, int number) =>
        Convert.ToHexStringLower(fields.FirstOrDefault(f => f.Number == number).Bytes ?? []);

    /// <summary>The length-delimited fields of a message; numeric fields are skipped over.</summary>
    private static IEnumerable<(int Number, byte[] Bytes)> Fields(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    ReadVarint(message, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    yield return (number, message[position..(position + length)]);
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {tag & 7}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
