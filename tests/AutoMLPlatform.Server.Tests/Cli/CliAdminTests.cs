extern alias cli;

using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;
using cli::AutoMLPlatform.Cli;

namespace AutoMLPlatform.Server.Tests.Cli;

/// <summary>The <c>automl</c> administration commands against a real server process over loopback HTTP.</summary>
[Category("Slow")]
public class CliAdminTests
{
    private TempDirectory _directory = null!;
    private ServerProcess _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _directory = new TempDirectory();
        _server = await ServerProcess.StartAsync(_directory.Path, new Dictionary<string, string>());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _server.Dispose();
        _directory.Dispose();
    }

    [Test]
    public async Task A_tenant_admin_created_with_the_cli_makes_a_predict_key_lists_and_revokes_it()
    {
        var tenant = await RunAsync(PlatformFactory.AdminKey, "tenants", "create", "risk-team");
        var tenantKey = (string)Json(tenant)["adminKey"]!["key"]!;

        var created = await RunAsync(tenantKey, "keys", "create", "web-shop", "--scopes", "predict", "--expires", "2099-01-01T00:00:00Z");
        var keyId = (string)Json(created)["id"]!;
        var listed = await RunAsync(tenantKey, "keys", "list");
        var revoked = await RunAsync(tenantKey, "keys", "revoke", keyId);
        var afterwards = Json(await RunAsync(tenantKey, "keys", "list")).AsArray().Single(k => (string?)k!["id"] == keyId)!;

        Assert.Multiple(() =>
        {
            Assert.That(tenant.ExitCode, Is.Zero, string.Join(" ", tenant.Stderr));
            Assert.That(created.ExitCode, Is.Zero, string.Join(" ", created.Stderr));
            Assert.That((string?)Json(created)["key"], Has.Length.GreaterThanOrEqualTo(43), "256 random bits, shown once");
            Assert.That(Json(listed).AsArray().Select(k => (string?)k!["name"]), Has.Member("web-shop"));
            Assert.That(revoked.Stdout, Is.EqualTo(new[] { $"revoked key {keyId}" }));
            Assert.That((string?)afterwards["revokedAt"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Audit_verify_reports_an_intact_chain_and_exits_zero()
    {
        await RunAsync(PlatformFactory.AdminKey, "tenants", "create", "audited");

        var run = await RunAsync(PlatformFactory.AdminKey, "audit", "verify");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, string.Join(" ", run.Stderr));
            Assert.That(run.Stdout.Single(), Does.Match(@"^audit chain intact: [1-9]\d* entries$"));
        });
    }

    [Test]
    public async Task A_wrong_key_is_refused_with_the_servers_words_and_exit_code_3()
    {
        var run = await RunAsync("not-a-key-of-this-platform-0123456789abcdef", "keys", "list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr.Single(), Does.StartWith("automl: 401"));
        });
    }

    [Test]
    public async Task A_tenant_admin_cannot_verify_the_whole_chain_403()
    {
        var tenant = await RunAsync(PlatformFactory.AdminKey, "tenants", "create", "curious");
        var tenantKey = (string)Json(tenant)["adminKey"]!["key"]!;

        var run = await RunAsync(tenantKey, "audit", "verify");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(run.Stderr.Single(), Does.StartWith("automl: 403"));
        });
    }

    [TestCase("keys", "create", "app")]
    [TestCase("keys", "create", "app", "--scopes")]
    [TestCase("keys", "create", "app", "--scopes", "predict", "--expires", "someday")]
    [TestCase("keys", "rotate")]
    [TestCase("tenants", "create")]
    public async Task A_bad_admin_command_line_is_one_line_and_exit_code_2(params string[] args)
    {
        var run = await RunAsync(PlatformFactory.AdminKey, args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Has.Length.EqualTo(1));
            Assert.That(run.Stderr[0], Does.StartWith("automl: "));
        });
    }

    [Test]
    public async Task A_url_that_is_not_http_is_exit_code_2()
    {
        var run = await CliRunAsync(["audit", "verify", "--url", "ftp://example", "--key", PlatformFactory.AdminKey]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr.Single(), Does.Contain("ftp://example"));
        });
    }

    [Test]
    public async Task An_audit_entry_edited_in_the_database_makes_verify_exit_4_naming_the_entry()
    {
        using var directory = new TempDirectory();
        using var server = await ServerProcess.StartAsync(directory.Path, new Dictionary<string, string>());
        var url = $"http://127.0.0.1:{server.Port}";
        await CliRunAsync(["tenants", "create", "one", "--url", url, "--key", PlatformFactory.AdminKey]);
        await CliRunAsync(["tenants", "create", "two", "--url", url, "--key", PlatformFactory.AdminKey]);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory.Path, "automlplatform.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE audit_log SET outcome = 'refused 403' WHERE sequence = 1";
            Assert.That(await edit.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        var run = await CliRunAsync(["audit", "verify", "--url", url, "--key", PlatformFactory.AdminKey]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CheckFailed));
            Assert.That(run.Stdout.Single(), Does.StartWith("audit chain broken at entry 1: "));
        });
    }

    [Test]
    public async Task An_unreachable_platform_is_exit_code_1_naming_the_problem()
    {
        var run = await CliRunAsync(["keys", "list", "--url", "http://127.0.0.1:9", "--key", PlatformFactory.AdminKey]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stderr.Single(), Does.StartWith("automl: cannot reach the platform"));
        });
    }

    private Task<(int ExitCode, string[] Stdout, string[] Stderr)> RunAsync(string key, params string[] args) =>
        CliRunAsync([.. args, "--url", $"http://127.0.0.1:{_server.Port}", "--key", key]);

    private static async Task<(int ExitCode, string[] Stdout, string[] Stderr)> CliRunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None, _ => null);
        return (code, Lines(stdout), Lines(stderr));
    }

    private static JsonNode Json((int ExitCode, string[] Stdout, string[] Stderr) run) => JsonNode.Parse(run.Stdout.Single())!;

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
