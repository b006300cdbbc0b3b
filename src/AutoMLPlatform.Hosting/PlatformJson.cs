using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoMLPlatform.Hosting;

/// <summary>The JSON conventions of every HTTP API of the platform: camelCase names, enums as camelCase strings.</summary>
public static class PlatformJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
