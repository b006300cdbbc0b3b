using AutoMLPlatform.Hosting;
using AutoMLPlatform.Security;
using AutoMLPlatform.Storage;

namespace AutoMLPlatform.Scoring;

/// <summary>
/// The scoring service on its own: <c>dotnet run --project src/AutoMLPlatform.Scoring -- [registry location]</c>,
/// where the location is the platform's data directory (embedded SQLite). It serves the models the platform registers.
/// </summary>
public static class ScoringProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            builder.Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = args[0];
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5001");
        }

        builder.Services.AddPlatformHostDefaults();
        builder.Services.AddPlatformStorage();
        builder.Services.AddPlatformSecurity(StorageServiceCollectionExtensions.GetDataDirectory);
        builder.Services.AddScoring();

        var app = builder.Build();
        app.UsePlatformPipeline();
        app.MapPlatformHealth();
        app.MapScoringEndpoints();
        await app.RunAsync().ConfigureAwait(false);
    }
}
