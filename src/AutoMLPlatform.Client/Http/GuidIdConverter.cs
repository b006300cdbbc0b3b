using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoMLPlatform.Client.Http;

/// <summary>A typed id that wraps a GUID.</summary>
internal interface IGuidId<TSelf>
    where TSelf : struct, IGuidId<TSelf>
{
    static abstract TSelf FromGuid(Guid value);

    Guid Value { get; }
}

/// <summary>Writes a typed id as its GUID string and reads it back.</summary>
internal sealed class GuidIdConverter<TId> : JsonConverter<TId>
    where TId : struct, IGuidId<TId>
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out var value)
            ? TId.FromGuid(value)
            : throw new JsonException($"Expected a {typeof(TId).Name} (a GUID string).");

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
