using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Tenancy;

/// <summary>Identifies a tenant: every stored object belongs to exactly one.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<TenantId>))]
public readonly record struct TenantId(Guid Value) : IGuidId<TenantId>
{
    /// <summary>The tenant every object belongs to until tenants are managed: a fixed, well-known id.</summary>
    public static TenantId Default { get; } = new(new Guid("00000000-0000-0000-0000-000000000001"));

    public static TenantId New() => new(Guid.NewGuid());

    public static TenantId FromGuid(Guid value) => new(value);

    public static TenantId Parse(string text) => new(Guid.Parse(text));

    public static bool TryParse([NotNullWhen(true)] string? text, out TenantId id)
    {
        var ok = Guid.TryParse(text, out var value);
        id = new TenantId(value);
        return ok;
    }

    public override string ToString() => Value.ToString("D");
}
