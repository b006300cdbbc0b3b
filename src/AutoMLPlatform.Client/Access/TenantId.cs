using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Access;

/// <summary>The id of a tenant.</summary>
[JsonConverter(typeof(GuidIdConverter<TenantId>))]
public readonly record struct TenantId(Guid Value) : IGuidId<TenantId>
{
    static TenantId IGuidId<TenantId>.FromGuid(Guid value) => new(value);

    public static TenantId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a TenantId (a GUID).");

    public static bool TryParse([NotNullWhen(true)] string? text, out TenantId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new TenantId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
