using AutoMLPlatform.Hosting;
using AutoMLPlatform.Hosting.Telemetry;
using AutoMLPlatform.Security;
using AutoMLPlatform.Storage;

namespace AutoMLPlatform.Scoring;

/// <summary>
/// The scoring service on its own: <c>dotnet run --project src/AutoMLPlatform.Scoring -- [data directory]</c>, where the
/// directory is the platform's (embedded SQLite registry and model files). It serves the models the platform registers
/// and follows their aliases. A slim host: no MVC, no static files, no per-request logging, no Server header.
/// </summary>
public sealed class ScoringProgram
{
    /// <summary>The address used when none is configured: loopback only, port 5001.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5001";

    private ScoringProgram()
    {
    }

    public static async Task Main(string[] args)
    {
        var app = Build(args);
        await app.RunAsync().ConfigureAwait(false);
    }

    /// <summary>Composes the standalone host; <paramref name="args"/> may start with the data directory.</summary>
    public static WebApplication Build(string[] args)
    {
        var app = CreateBuilder(args).Build();
        app.UsePlatformPipeline();
        app.MapPlatformHealth();
        app.MapScoringEndpoints();
        return app;
    }

    /// <summary>The standalone host's configuration and services, before its pipeline is set up (see <see cref="Build"/>).</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        // The data directory is positional; the command-line configuration must not see it, because an absolute path
        // starts with '/', which that parser takes for a switch (it would swallow the next argument as its value).
        var positional = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        var builder = WebApplication.CreateSlimBuilder(positional is null ? args : args[1..]);
        var dataDirectoryKey = $"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}";
        if (positional is not null)
        {
            builder.Configuration[dataDirectoryKey] = positional;
        }
        else if (string.IsNullOrEmpty(builder.Configuration[dataDirectoryKey]) && Environment.GetEnvironmentVariable("AUTOMLPLATFORM_DATA") is { Length: > 0 } data)
        {
            builder.Configuration[dataDirectoryKey] = data;
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // Request logging at Information would write two lines per prediction; keep the framework to warnings.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddPlatformHostDefaults();
        builder.Services.AddPlatformStorage();
        builder.Services.AddPlatformSecurity(StorageServiceCollectionExtensions.GetDataDirectory);
        builder.Services.AddScoring();
        builder.Services.AddPlatformTelemetry(builder.Configuration, "automlplatform-scoring");
        return builder;
    }
}
