using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Access;

/// <summary>The id of an API key (not the key itself).</summary>
[JsonConverter(typeof(GuidIdConverter<ApiKeyId>))]
public readonly record struct ApiKeyId(Guid Value) : IGuidId<ApiKeyId>
{
    static ApiKeyId IGuidId<ApiKeyId>.FromGuid(Guid value) => new(value);

    public static ApiKeyId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a ApiKeyId (a GUID).");

    public static bool TryParse([NotNullWhen(true)] string? text, out ApiKeyId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new ApiKeyId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
