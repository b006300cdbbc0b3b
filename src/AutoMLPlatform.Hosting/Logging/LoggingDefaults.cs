using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;

namespace AutoMLPlatform.Hosting.Logging;

/// <summary>
/// Defaults for JSON console logs (<c>Logging:Console:FormatterName=json</c>): scopes on, so each line carries its
/// request id, trace id, tenant, job id and model as fields, and a UTC timestamp. A setting under
/// <c>Logging:Console:FormatterOptions</c> still wins.
/// </summary>
internal static class LoggingDefaults
{
    private const string FormatterOptions = "Logging:Console:FormatterOptions";

    public static void Apply(IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(FormatterOptions);
        services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            if (configured[nameof(JsonConsoleFormatterOptions.IncludeScopes)] is null)
            {
                json.IncludeScopes = true;
            }

            if (configured[nameof(JsonConsoleFormatterOptions.TimestampFormat)] is null)
            {
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.UseUtcTimestamp = true;
            }
        });
    }
}
