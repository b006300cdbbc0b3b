using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests;

/// <summary>
/// The standalone scoring host in process (its real entry point, <see cref="ScoringProgram"/>) over a data directory
/// where a model <c>rule</c> was trained and registered the way the platform does it.
/// </summary>
public sealed class ScoringHost : WebApplicationFactory<ScoringProgram>
{
    public const string Row = """{"x1": 0.8, "x2": 0.1, "color": "red"}""";

    private readonly string _dataDirectory;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private ScoringHost(string dataDirectory, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _dataDirectory = dataDirectory;
        _settings = settings;
        _services = services;
    }

    /// <summary>
    /// Trains <paramref name="versions"/> versions of <c>rule</c> into <paramref name="directory"/>, then starts the host over it;
    /// <paramref name="services"/> changes the host's services after its own registrations.
    /// </summary>
    public static async Task<ScoringHost> StartAsync(TempDirectory directory, int versions = 1, Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        await using (var stores = await PlatformStores.StartAsync(directory.Path))
        {
            for (var seed = 1; seed <= versions; seed++)
            {
                await RegisteredModels.TrainAndRegisterAsync(stores, TestTables.BinaryCsv(300, seed), "y", "rule");
            }
        }

        var host = new ScoringHost(directory.Path, settings ?? [], services);
        host.CreateClient().Dispose();
        return host;
    }

    /// <summary>
    /// Settings that count every scored row's values exactly, for tests that compare drift counts (or the PSI of a few
    /// hundred rows) with what they scored: a batch comes fast enough to be sampled otherwise.
    /// </summary>
    public static Dictionary<string, string?> ExactDrift() => new() { ["AutoMLPlatform:Scoring:Drift:SampledRowsPerSecond"] = "0" };

    public Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AutoMLPlatform:DataDirectory", _dataDirectory);
        builder.UseSetting("AutoMLPlatform:Scoring:ReloadPollInterval", "00:00:00.100");
        builder.UseSetting(TestKeys.BootstrapSetting, TestKeys.Admin);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    /// <summary>Clients send the admin key unless a test replaces the header.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestKeys.Admin);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
