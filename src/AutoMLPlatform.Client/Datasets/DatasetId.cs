using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Datasets;

/// <summary>The id of a dataset (every version of it).</summary>
[JsonConverter(typeof(GuidIdConverter<DatasetId>))]
public readonly record struct DatasetId(Guid Value) : IGuidId<DatasetId>
{
    static DatasetId IGuidId<DatasetId>.FromGuid(Guid value) => new(value);

    public static DatasetId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a DatasetId (a GUID).");

    public static bool TryParse([NotNullWhen(true)] string? text, out DatasetId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new DatasetId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
