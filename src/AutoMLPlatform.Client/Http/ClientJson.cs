using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoMLPlatform.Client.Http;

/// <summary>The platform's JSON conventions: camelCase names, enums as camelCase strings, numbers as numbers.</summary>
internal static class ClientJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
