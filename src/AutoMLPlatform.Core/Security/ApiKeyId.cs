using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Security;

/// <summary>Identifies an API key without revealing it: what audit entries and listings show.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<ApiKeyId>))]
public readonly record struct ApiKeyId(Guid Value) : IGuidId<ApiKeyId>
{
    public static ApiKeyId New() => new(Guid.NewGuid());

    public static ApiKeyId FromGuid(Guid value) => new(value);

    public static bool TryParse([NotNullWhen(true)] string? text, out ApiKeyId id)
    {
        var ok = Guid.TryParse(text, out var value);
        id = new ApiKeyId(value);
        return ok;
    }

    public override string ToString() => Value.ToString("D");
}
