using AutoMLPlatform.Server.Tests.ScaleOut;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Operations;

/// <summary>
/// Traces of a scaled-out platform (an API process and a worker process over PostgreSQL) sent by OTLP to a receiver
/// of the test's own, as they would go to a collector.
/// </summary>
[Category("Postgres")]
[Category("Slow")]
public class TracingTests
{
    [Test]
    public async Task A_job_submitted_to_the_api_and_trained_on_a_worker_is_one_trace_from_the_submit_request_to_the_register_span()
    {
        using var receiver = OtlpReceiver.Start();
        await using var cluster = await Cluster.CreateAsync();
        (string, string)[] tracing =
        [
            ("AutoMLPlatform:Telemetry:OtlpEndpoint", receiver.Endpoint.ToString()),
            ("AutoMLPlatform:Telemetry:OtlpProtocol", "HttpProtobuf"),
            ("OTEL_BSP_SCHEDULE_DELAY", "200"),
        ];
        using var api = await cluster.StartAsync("api", tracing);
        using var worker = await cluster.StartAsync("worker", tracing);
        using var client = api.Api();
        var dataset = await client.UploadOkAsync("rule.csv", TestTables.BinaryCsv(300), "rule");
        var job = await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 30, maxTrials = 2, modelName = "rule" });
        var done = await client.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));

        // The job's outermost span ends last, and is exported after every span inside it.
        var spans = await receiver.WaitForAsync(s => s.Any(span => span.Name == "TrainModelJob.ExecuteAsync"), TimeSpan.FromSeconds(30));
        var submit = spans.Single(s => s.Service == "automlplatform-api" && s.Name.StartsWith("POST /api/jobs", StringComparison.Ordinal));
        var hangfire = spans.Single(s => s.Name == "TrainModelJob.ExecuteAsync");
        var workerNames = spans.Where(s => s.Service == "automlplatform-worker" && s.TraceId == submit.TraceId).Select(s => s.Name).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
            Assert.That(hangfire.Service, Is.EqualTo("automlplatform-worker"));
            Assert.That(hangfire.TraceId, Is.EqualTo(submit.TraceId), "the worker's span continues the API request's trace");
            Assert.That(hangfire.ParentSpanId, Is.EqualTo(submit.SpanId), "its parent is the submit request");
            Assert.That(workerNames, Is.SupersetOf(new[] { "job.train", "job.load", "job.search", "automl.trial", "job.register", "job.report" }));
        });
    }
}
