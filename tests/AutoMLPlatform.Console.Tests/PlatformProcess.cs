using System.Net.Http.Headers;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Console.Tests;

/// <summary>
/// The platform (<c>dotnet AutoMLPlatform.Server.dll</c>, embedded storage and the <c>all</c> role unless told) as a real process on
/// a free loopback port over a temporary data directory, with <see cref="TestKeys.Admin"/> bootstrapped. Its output
/// goes to <see cref="LogPath"/>, attached to a failing test's results by the fixtures.
/// </summary>
public sealed class PlatformProcess : IDisposable
{
    private readonly ChildHost _host;
    private readonly TempDirectory _data;

    private PlatformProcess(ChildHost host, TempDirectory data)
    {
        _host = host;
        _data = data;
    }

    public Uri BaseAddress => _host.BaseAddress;

    public string LogPath => _host.LogPath;

    /// <summary>The platform's data directory (absolute).</summary>
    public string DataDirectory => Path.Combine(_data.Path, "data");

    /// <summary>Starts the platform in a role (<c>all</c> by default) with extra configuration settings.</summary>
    public static async Task<PlatformProcess> StartAsync(string role = "all", IReadOnlyDictionary<string, string>? settings = null)
    {
        var data = new TempDirectory();
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["AutoMLPlatform:DataDirectory"] = Path.Combine(data.Path, "data"),
                [TestKeys.BootstrapSetting] = TestKeys.Admin,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                environment[key] = value;
            }

            return new PlatformProcess(await ChildHost.StartAsync(["AutoMLPlatform.Server.dll", "--role", role], data.Path, environment), data);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>An HTTP client of the API with the admin key, for arranging and checking what the browser did.</summary>
    public HttpClient Api()
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        return http;
    }

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
    }
}
