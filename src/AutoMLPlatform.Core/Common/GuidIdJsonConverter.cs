using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoMLPlatform.Core.Common;

/// <summary>Writes a typed id as its plain GUID string and reads it back.</summary>
public sealed class GuidIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, IGuidId<TId>
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out var value))
        {
            return TId.FromGuid(value);
        }

        throw new JsonException($"Expected an id (a GUID string) for {typeof(TId).Name}.");
    }

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
