using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoMLPlatform.Storage.Database;

/// <summary>How JSON columns are written and read: camelCase, enums by name.</summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");

    /// <summary>Hyperparameters come back as plain numbers, strings and booleans, not as JSON elements.</summary>
    public static IReadOnlyDictionary<string, object> ReadHyperparameters(string json) =>
        Read<Dictionary<string, JsonElement>>(json).ToDictionary(kv => kv.Key, kv => kv.Value.ValueKind switch
        {
            JsonValueKind.Number => kv.Value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => (object)kv.Value.GetString()!,
            _ => kv.Value.GetRawText(),
        });
}
