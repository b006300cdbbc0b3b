using System.Net.Http.Json;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.PredictionLog;

/// <summary>Switching a host's prediction log and waiting for its background writer to store rows.</summary>
internal static class LoggedRows
{
    public static async Task SwitchOnAsync(HttpClient client, string model, double sampleRate = 1, int retentionDays = 30)
    {
        using var response = await client.PutAsJsonAsync($"/api/models/{model}/prediction-log", new { sampleRate, retentionDays });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The stored inputs of <paramref name="ids"/> once all are written (the writer runs off the request path), within 20 s.</summary>
    public static async Task<IReadOnlyDictionary<PredictionId, string>> WaitForAsync(IServiceProvider services, string model, IReadOnlyList<PredictionId> ids)
    {
        var store = services.GetRequiredService<IPredictionLogStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = await store.ReadInputsAsync(TenantId.Default, model, ids, CancellationToken.None);
            if (found.Count == ids.Count || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(50);
        }
    }
}
