using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Datasets;

/// <summary>Identifies a dataset (all of its versions) within a tenant.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<DatasetId>))]
public readonly record struct DatasetId(Guid Value) : IGuidId<DatasetId>
{
    public static DatasetId New() => new(Guid.NewGuid());

    public static DatasetId FromGuid(Guid value) => new(value);

    public static DatasetId Parse(string text) => new(Guid.Parse(text));

    public static bool TryParse([NotNullWhen(true)] string? text, out DatasetId id)
    {
        var ok = Guid.TryParse(text, out var value);
        id = new DatasetId(value);
        return ok;
    }

    public override string ToString() => Value.ToString("D");
}
