using System.Net;
using System.Text;
using System.Text.Json;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Operations;

/// <summary>
/// The server as a real process writing JSON console logs at Debug, through a job and predictions on a table with a
/// personal-data column, sent with an API key of a non-system tenant; every line it wrote is read back.
/// </summary>
[Category("Slow")]
public class JsonLogTests
{
    /// <summary>What every customer's phone number starts with (<see cref="HashedTables.CustomersCsv"/>).</summary>
    private const string PhonePrefix = "+44 20 7946 10";

    private const string WrongKey = "amlp_wrong0123456789abcdef0123456789abcdef";

    private TempDirectory _directory = null!;
    private string _key = null!;
    private string _log = null!;

    [OneTimeSetUp]
    public async Task RunAJobAndPredictionsAsync()
    {
        _directory = new TempDirectory();
        using var server = await ServerProcess.StartAsync(_directory.Path, new Dictionary<string, string>
        {
            ["Logging:Console:FormatterName"] = "json",
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Hangfire"] = "Debug",
        });
        using var admin = server.Api();
        using var created = await admin.PostJsonAsync("/api/tenants", new { name = "acme" });
        _key = (string)(await ApiClient.ReadObjectAsync(created, HttpStatusCode.Created))["adminKey"]!["key"]!;
        using var tenant = server.Api();
        tenant.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _key);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(HashedTables.CustomersCsv())), "file", "customers.csv" },
            { new StringContent("customers"), "name" },
            { new StringContent("phone"), "hashColumns" },
        };
        using var uploaded = await tenant.Http.PostAsync("/api/datasets", form);
        var datasetId = (string)(await ApiClient.ReadObjectAsync(uploaded, HttpStatusCode.Created))["id"]!;
        var job = await tenant.SubmitJobAsync(new { datasetId, label = "y", timeBudgetSeconds = 10, maxTrials = 2, modelName = "customers" });
        var done = await tenant.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
        Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
        (await tenant.PostRawJsonAsync("/api/predict/customers", $$"""{"phone": "{{HashedTables.YesCustomer}}", "x": 0.5}""")).Dispose();
        (await tenant.PostRawJsonAsync("/api/predict/customers", $$"""{"phone": "{{HashedTables.NoCustomer}}", "x": "not a number"}""")).Dispose();
        (await tenant.Http.PostAsync("/api/predict/customers/batch",
            new StringContent($"phone,x\n{HashedTables.YesCustomer},0.1\n{HashedTables.NoCustomer},oops\n", Encoding.UTF8, "text/csv"))).Dispose();
        using var wrong = server.Api();
        wrong.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", WrongKey);
        (await wrong.Http.GetAsync("/api/datasets")).Dispose();

        // The console logger writes from a queue: give it a moment before the process goes.
        await Task.Delay(TimeSpan.FromSeconds(2));
        _log = await File.ReadAllTextAsync(server.LogPath);
    }

    [OneTimeTearDown]
    public void Stop() => _directory.Dispose();

    [Test]
    public void No_line_holds_an_api_key_or_a_raw_personal_value()
    {
        var lines = _log.Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(_log, Does.Contain("\"JobId\""), "the log covers the job");
            Assert.That(LinesWith(lines, _key), Is.Empty);
            Assert.That(LinesWith(lines, TestKeys.Admin), Is.Empty);
            Assert.That(LinesWith(lines, WrongKey), Is.Empty);
            Assert.That(LinesWith(lines, PhonePrefix), Is.Empty);
            Assert.That(LinesWith(lines, PhonePrefix.Replace("+", "\\u002B", StringComparison.Ordinal)), Is.Empty, "nor JSON-escaped");
        });
    }

    [Test]
    public void Every_line_is_json_and_job_and_request_lines_carry_tenant_job_model_and_request_id_as_scope_fields()
    {
        var lines = _log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var scopes = lines.Select(ScopeFields).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(lines.All(l => l.TryGetProperty("Timestamp", out _) && l.TryGetProperty("Category", out _)), Is.True);
            Assert.That(scopes.Any(s => s.IsSupersetOf(["JobId", "Tenant", "ModelName"])), Is.True, "a job's lines name its job, tenant and model");
            Assert.That(scopes.Any(s => s.IsSupersetOf(["RequestId", "TraceId", "Tenant"])), Is.True, "a request's lines name it, its trace and tenant");
        });
    }

    private static string[] LinesWith(string[] lines, string secret) => lines.Where(l => l.Contains(secret, StringComparison.Ordinal)).ToArray();

    /// <summary>The names of the fields a line's scopes carry.</summary>
    private static HashSet<string> ScopeFields(JsonElement line) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).SelectMany(s => s.EnumerateObject().Select(p => p.Name)).ToHashSet()
            : [];
}
