using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.TestSupport;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Pipelines;

public class PipelineApiTests
{
    private const string Nightly = """
        {"name": "nightly", "dataset": "rule", "label": "y", "schedule": {"cron": "0 3 * * *", "timeZone": "Europe/Berlin"}}
        """;

    [Test]
    public async Task Creating_a_pipeline_answers_201_with_every_default_spelled_out_and_its_next_run()
    {
        using var factory = new PlatformFactory();
        using var api = await ApiWithRuleAsync(factory);

        using var response = await api.PostRawJsonAsync("/api/pipelines", Nightly);
        var created = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/api/pipelines/nightly"));
            Assert.That((string?)created["task"], Is.EqualTo("auto"));
            Assert.That((string?)created["alias"], Is.EqualTo("production"));
            Assert.That((string?)created["modelName"], Is.EqualTo("nightly"));
            Assert.That((double?)created["timeBudgetSeconds"], Is.EqualTo(60));
            Assert.That((double?)created["promotion"]!["holdoutFraction"], Is.EqualTo(0.2));
            Assert.That((string?)created["promotion"]!["improvement"], Is.EqualTo("absolute"));
            Assert.That((string?)created["source"], Is.EqualTo("api"));
            Assert.That(created["nextRunAt"], Is.Not.Null);
        });
    }

    [Test]
    public async Task A_created_pipeline_is_a_hangfire_recurring_job_with_its_cron_and_time_zone()
    {
        using var factory = new PlatformFactory();
        using var api = await ApiWithRuleAsync(factory);

        await CreateAsync(api, Nightly);
        var job = RecurringJobs(factory).Single();

        Assert.That((job.Id, job.Cron, job.TimeZoneId), Is.EqualTo(($"pipeline:{TenantId.Default}:nightly", "0 3 * * *", "Europe/Berlin")));
    }

    [Test]
    public async Task A_pipeline_read_with_get_can_be_edited_and_sent_back_with_put()
    {
        using var factory = new PlatformFactory();
        using var api = await ApiWithRuleAsync(factory);
        await CreateAsync(api, Nightly);
        var read = await api.GetObjectAsync("/api/pipelines/nightly");
        read["schedule"]!["cron"] = "15 4 * * 1";

        using var response = await api.Http.PutAsync("/api/pipelines/nightly", JsonContent.Create(read));
        var replaced = await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That((string?)replaced["schedule"]!["cron"], Is.EqualTo("15 4 * * 1"));
            Assert.That(RecurringJobs(factory).Single().Cron, Is.EqualTo("15 4 * * 1"));
        });
    }

    [Test]
    public async Task Deleting_a_pipeline_removes_it_and_its_schedule()
    {
        using var factory = new PlatformFactory();
        using var api = await ApiWithRuleAsync(factory);
        await CreateAsync(api, Nightly);

        using var deleted = await api.Http.DeleteAsync("/api/pipelines/nightly");
        using var after = await api.Http.GetAsync("/api/pipelines/nightly");

        Assert.Multiple(async () =>
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            await ApiClient.ProblemAsync(after, HttpStatusCode.NotFound, "pipeline-not-found");
            Assert.That(RecurringJobs(factory), Is.Empty);
        });
    }

    [Test]
    public async Task Pipelines_are_listed_by_name()
    {
        using var factory = new PlatformFactory();
        using var api = await ApiWithRuleAsync(factory);
        await CreateAsync(api, Nightly.Replace("\"nightly\"", "\"zeta\""));
        await CreateAsync(api, Nightly.Replace("\"nightly\"", "\"alpha\""));

        var list = await api.GetObjectAsync("/api/pipelines");

        Assert.That(list["items"]!.AsArray().Select(p => (string?)p!["name"]), Is.EqualTo(new[] { "alpha", "zeta" }));
    }

    [Test]
    public async Task Creating_a_pipeline_whose_name_is_taken_is_a_conflict()
    {
        using var factory = new PlatformFactory();
        using var api = await ApiWithRuleAsync(factory);
        await CreateAsync(api, Nightly);

        using var again = await api.PostRawJsonAsync("/api/pipelines", Nightly.Replace("0 3 * * *", "0 4 * * *"));
        var problem = await ApiClient.ProblemAsync(again, HttpStatusCode.Conflict);

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("pipeline-exists"));
            Assert.That(RecurringJobs(factory).Single().Cron, Is.EqualTo("0 3 * * *"));
        });
    }

    [TestCase("0 3 * * *", "0 3 * *", "schedule.cron")]
    [TestCase("0 3 * * *", "61 * * * *", "schedule.cron")]
    [TestCase("Europe/Berlin", "Europe/Atlantis", "schedule.timeZone")]
    [TestCase("\"dataset\": \"rule\"", "\"dataset\": \"missing\"", "dataset")]
    [TestCase("\"label\": \"y\"", "\"label\": \"nope\"", "label")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"metric\": \"accuracyy\"", "metric")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"metric\": \"r2\"", "metric")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"timeBudgetSeconds\": -5", "timeBudgetSeconds")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"promotion\": {\"retries\": -1}", "promotion.retries")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"cron\": \"0 3 * * *\"", "cron")]
    [TestCase("\"label\": \"y\"", "\"label\": 7", "label")]
    [TestCase("{\"name\"", "{\"name\" \"x\", \"y\"", "$")]
    [TestCase("\"Europe/Berlin\"", "\"Europe/Berlin\", \"driftTrigger\": {\"minRows\": 10}", "schedule.driftTrigger.maxPsi")]
    [TestCase("\"Europe/Berlin\"", "\"Europe/Berlin\", \"driftTrigger\": {\"maxPsi\": -0.1}", "schedule.driftTrigger.maxPsi")]
    [TestCase("\"Europe/Berlin\"", "\"Europe/Berlin\", \"driftTrigger\": {\"maxPsi\": 0.2, \"minRows\": 0}", "schedule.driftTrigger.minRows")]
    [TestCase("\"Europe/Berlin\"", "\"Europe/Berlin\", \"driftTrigger\": {\"maxPsi\": 0.2, \"checkEvery\": \"00:07:00\"}", "schedule.driftTrigger.checkEvery")]
    [TestCase("\"Europe/Berlin\"", "\"Europe/Berlin\", \"driftTrigger\": {\"maxPsi\": 0.2, \"checkEvery\": \"soon\"}", "schedule.driftTrigger.checkEvery")]
    public async Task An_invalid_definition_is_refused_with_400_naming_the_field_and_nothing_is_stored_or_scheduled(string find, string replace, string field)
    {
        using var factory = new PlatformFactory();
        using var api = await ApiWithRuleAsync(factory);

        using var response = await api.PostRawJsonAsync("/api/pipelines", Nightly.Replace(find, replace));
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        var list = await api.GetObjectAsync("/api/pipelines");

        Assert.Multiple(() =>
        {
            Assert.That(problem["errors"]?[field], Is.Not.Null, problem.ToJsonString());
            Assert.That(list["items"]!.AsArray(), Is.Empty);
            Assert.That(RecurringJobs(factory), Is.Empty);
        });
    }

    [Test]
    public async Task An_invalid_replacement_leaves_the_stored_definition_and_schedule_as_they_were()
    {
        using var factory = new PlatformFactory();
        using var api = await ApiWithRuleAsync(factory);
        await CreateAsync(api, Nightly);

        using var response = await api.Http.PutAsync("/api/pipelines/nightly", new StringContent(Nightly.Replace("Europe/Berlin", "Nowhere"),
            System.Text.Encoding.UTF8, "application/json"));
        await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        var stored = await api.GetObjectAsync("/api/pipelines/nightly");

        Assert.Multiple(() =>
        {
            Assert.That((string?)stored["schedule"]!["timeZone"], Is.EqualTo("Europe/Berlin"));
            Assert.That(RecurringJobs(factory).Single().TimeZoneId, Is.EqualTo("Europe/Berlin"));
        });
    }

    [Test]
    public async Task Replacing_with_a_body_that_names_another_pipeline_is_refused()
    {
        using var factory = new PlatformFactory();
        using var api = await ApiWithRuleAsync(factory);
        await CreateAsync(api, Nightly);

        using var response = await api.Http.PutAsync("/api/pipelines/nightly", new StringContent(Nightly.Replace("\"nightly\"", "\"weekly\""),
            System.Text.Encoding.UTF8, "application/json"));
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("pipeline-name-mismatch"));
    }

    [TestCase("PUT", "/api/pipelines/weekly", "pipeline-not-found")]
    [TestCase("DELETE", "/api/pipelines/weekly", "pipeline-not-found")]
    [TestCase("GET", "/api/pipelines/weekly", "pipeline-not-found")]
    [TestCase("POST", "/api/pipelines/weekly/run", "pipeline-not-found")]
    [TestCase("GET", "/api/pipelines/weekly/runs", "pipeline-not-found")]
    [TestCase("GET", "/api/pipelines/nightly/runs/not-an-id", "pipeline-not-found")]
    [TestCase("GET", "/api/pipelines/nightly/runs/7d1c1d1e-0000-4000-8000-000000000000", "pipeline-not-found")]
    [TestCase("POST", "/api/pipelines/nightly/runs/not-an-id/cancel", "pipeline-not-found")]
    [TestCase("POST", "/api/pipelines/nightly/runs/7d1c1d1e-0000-4000-8000-000000000000/cancel", "pipeline-not-found")]
    public async Task Calls_on_a_pipeline_or_run_that_does_not_exist_are_404(string method, string path, string errorCode)
    {
        using var factory = new PlatformFactory();
        using var api = await ApiWithRuleAsync(factory);
        await CreateAsync(api, Nightly);

        using var response = await api.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "PUT" ? new StringContent(Nightly.Replace("\"nightly\"", "\"weekly\""), System.Text.Encoding.UTF8, "application/json") : null,
        });

        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, errorCode);
    }

    [Test]
    public async Task Pipeline_files_are_loaded_at_start_and_a_bad_one_is_skipped()
    {
        using var pipelines = new TempDirectory();
        await File.WriteAllTextAsync(pipelines.File("nightly.json"), Nightly);
        await File.WriteAllTextAsync(pipelines.File("broken.json"), Nightly.Replace("\"nightly\"", "\"broken\"").Replace("Europe/Berlin", "Mars/Base"));
        using var factory = new PlatformFactory(new() { ["AutoMLPlatform:Pipelines:Directory"] = pipelines.Path });
        using var api = factory.Api();

        var list = await api.GetObjectAsync("/api/pipelines");

        Assert.Multiple(() =>
        {
            Assert.That(list["items"]!.AsArray().Select(p => ((string?)p!["name"], (string?)p["source"])), Is.EqualTo(new[] { ("nightly", "file:nightly.json") }));
            Assert.That(RecurringJobs(factory).Select(j => j.Id), Is.EqualTo(new[] { $"pipeline:{TenantId.Default}:nightly" }));
        });
    }

    [Test]
    public async Task A_new_server_over_the_same_data_schedules_every_pipeline_again()
    {
        using var data = new TempDirectory();
        using (var first = new PlatformFactory(dataDirectory: data.Path))
        using (var api = await ApiWithRuleAsync(first))
        {
            await CreateAsync(api, Nightly);
        }

        using var second = new PlatformFactory(dataDirectory: data.Path);
        using var client = second.Api();
        var pipeline = await client.GetObjectAsync("/api/pipelines/nightly");
        var job = RecurringJobs(second).Single();

        Assert.Multiple(() =>
        {
            Assert.That((string?)pipeline["schedule"]!["cron"], Is.EqualTo("0 3 * * *"));
            Assert.That((job.Id, job.Cron, job.TimeZoneId), Is.EqualTo(($"pipeline:{TenantId.Default}:nightly", "0 3 * * *", "Europe/Berlin")));
        });
    }

    internal static async Task<ApiClient> ApiWithRuleAsync(PlatformFactory factory)
    {
        var api = factory.Api();
        await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(60), "rule");
        return api;
    }

    internal static async Task<JsonObject> CreateAsync(ApiClient api, string json)
    {
        using var response = await api.PostRawJsonAsync("/api/pipelines", json);
        return await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created);
    }

    internal static List<RecurringJobDto> RecurringJobs(PlatformFactory factory)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }
}
