using System.Text;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Scoring.Tests.Metrics;

[Category("Slow")]
public class MetricsEndpointTests
{
    [Test]
    public async Task Requests_are_counted_and_timed_per_model_protocol_and_status_in_prometheus_text()
    {
        using var directory = new TempDirectory();
        using var host = await ScoringHost.StartAsync(directory);
        using var client = host.CreateClient();
        (await host.PostJsonAsync(client, "/api/predict/rule", ScoringHost.Row)).Dispose();
        (await host.PostJsonAsync(client, "/api/predict/rule", "{}")).Dispose();
        (await client.PostAsync("/api/predict/rule/batch", new StringContent("x1,x2,color\n1,1,red\n2,2,red\n", Encoding.UTF8, "text/csv"))).Dispose();

        var text = await client.GetStringAsync("/metrics");
        var lines = text.Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.Matches(Series("scoring_requests_total", "json", "200") + @" 1\b"));
            Assert.That(lines, Has.Some.Matches(Series("scoring_requests_total", "json", "400") + @" 1\b"));
            Assert.That(lines, Has.Some.Matches(Series("scoring_request_duration_seconds_bucket", "csv", "200") + " 1"));
            Assert.That(lines, Has.Some.Matches(@"^scoring_rows_total\{.*model=""rule"".*protocol=""csv"".*\} 2\b"));
            Assert.That(lines, Has.Some.Matches(@"^scoring_models_loaded\{.*model=""rule"".*version=""1"".*\} 1\b"));
            Assert.That(lines, Has.Some.Matches(@"^scoring_engines_created_total\{.*model=""rule"".*\} [1-9]"));
        });
    }

    private static string Series(string name, string protocol, string status) =>
        $@"^{name}\{{.*model=""rule"".*protocol=""{protocol}"".*status=""{status}"".*\}}";
}
