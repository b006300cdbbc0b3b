using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Readme;

/// <summary>
/// The README, run as written by a new user: in a fresh copy of the repository (<see cref="ReadmeClone"/>), the
/// platform is started with the set-up's own command (so it builds there, as on a fresh clone), then the README's bash
/// blocks run in one shell (<see cref="WalkthroughScript"/> says which, and what is substituted: ports, budgets, one
/// placeholder). Each test holds one step's recorded answer to what the README says it is; a step the README no longer
/// runs fails its test, as does any command that fails.
/// </summary>
[Category("Slow")]
public class ReadmeWalkthroughTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ScriptLimit = TimeSpan.FromMinutes(15);

    private ReadmeClone _clone = null!;
    private ShellProcess? _platform;
    private ShellProcess? _script;
    private string _calls = null!;
    private IReadOnlyList<RecordedCall> _recorded = [];
    private bool _scriptEnded;

    [OneTimeSetUp]
    public async Task CloneStartThePlatformAndRunTheReadme()
    {
        _clone = await ReadmeClone.CreateAsync(CancellationToken.None);
        _clone.ShortenPipelineBudget("penguins", WalkthroughScript.TestBudgetSeconds);
        var platformPort = ShellProcess.FreePort();
        var scoringPort = ShellProcess.FreePort();
        var script = WalkthroughScript.Build(File.ReadAllText(Path.Combine(_clone.Root, "README.md")),
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "AutoMLPlatform.Server.Tests", "Readme", "walkthrough-prelude.sh")), platformPort, scoringPort);
        _calls = Directory.CreateDirectory(Path.Combine(_clone.Root, "..", "calls")).FullName;
        var scriptPath = Path.Combine(_calls, "..", "walkthrough.sh");
        await File.WriteAllTextAsync(scriptPath, script.Text);
        TestContext.Progress.WriteLine($"README walkthrough in {_clone.Root}; not run: {string.Join("; ", script.Skipped)}");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        _platform = ShellProcess.Start(script.StartCommand, _clone.Root, Path.Combine(_calls, "..", "platform.log"),
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{platformPort}" });
        await _platform.WaitAliveAsync(platformPort, StartLimit);
        TestContext.Progress.WriteLine($"README walkthrough: the platform was built and answered after {clock.Elapsed.TotalSeconds:F0} s");

        _script = ShellProcess.Start($"bash '{scriptPath}'", _clone.Root, Path.Combine(_calls, "..", "walkthrough.log"), new Dictionary<string, string>
        {
            ["AUTOMLPLATFORM_URL"] = $"http://127.0.0.1:{platformPort}",
            ["WALKTHROUGH_CALLS"] = _calls,
            ["WALKTHROUGH_WATCH_SECONDS"] = "600",
            ["WALKTHROUGH_START_SECONDS"] = "600",
        });
        _scriptEnded = await _script.WaitAsync(ScriptLimit);
        _recorded = RecordedCall.ReadAll(_calls);
        TestContext.Progress.WriteLine($"README walkthrough: {_recorded.Count} commands ran in {clock.Elapsed.TotalSeconds:F0} s in all");
    }

    [OneTimeTearDown]
    public void StopAndDelete()
    {
        AttachLogsIfSomethingFailed();
        var pids = Path.Combine(_calls ?? "", "pids");
        foreach (var pid in File.Exists(pids) ? File.ReadAllLines(pids) : [])
        {
            ShellProcess.KillTree(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture));
        }

        _script?.Dispose();
        _platform?.Dispose();
        _clone?.Dispose();
    }

    [Test]
    public void Every_command_runs_and_none_fails()
    {
        var failures = Path.Combine(_calls, "failures");

        Assert.Multiple(() =>
        {
            Assert.That(_scriptEnded, Is.True, $"the walkthrough did not end within {ScriptLimit}");
            Assert.That(File.Exists(failures) ? File.ReadAllText(failures) : "", Is.Empty);
            Assert.That(_script!.ExitCode, Is.Zero, $"the walkthrough's output:\n{_script.LogTail()}\nthe platform's:\n{_platform!.LogTail()}");
        });
    }

    [Test]
    public void The_platform_keeps_its_data_and_first_key_under_data_of_the_folder_it_was_started_from()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Path.Combine(_clone.Root, "data", "secrets", "bootstrap.key"), Does.Exist);
            Assert.That(Path.Combine(_clone.Root, "src", "AutoMLPlatform.Server", "data"), Does.Not.Exist);
        });
    }

    [Test]
    public void Uploading_a_table_answers_201_with_its_id_version_sha256_row_count_and_schema()
    {
        var upload = Upload("penguins", "samples/penguins/train.csv");

        var answer = upload.Json;
        Assert.Multiple(() =>
        {
            Assert.That(upload.Status, Is.EqualTo(201));
            Assert.That((string?)answer["id"], Is.Not.Empty);
            Assert.That((int?)answer["version"], Is.EqualTo(1));
            Assert.That((string?)answer["sha256"], Does.Match("^[0-9a-f]{64}$"));
            Assert.That((long?)answer["rowCount"], Is.EqualTo(Rows("samples/penguins/train.csv")));
            Assert.That(answer["schema"]?["columns"]?.AsArray().Select(c => (string?)c?["name"]), Does.Contain("species"));
        });
    }

    [Test]
    public void Asking_for_a_model_answers_202_with_the_job_id()
    {
        var submit = Submit("penguins");

        Assert.Multiple(() =>
        {
            Assert.That(submit.Status, Is.EqualTo(202));
            Assert.That((string?)submit.Json["id"], Is.Not.Empty);
        });
    }

    [Test]
    public void Watching_the_job_shows_it_succeeded_with_column_decisions_validation_and_a_leaderboard()
    {
        var job = Watched(Submit("penguins")).Json;

        Assert.Multiple(() =>
        {
            Assert.That((string?)job["status"], Is.EqualTo("succeeded"), job.ToJsonString());
            Assert.That(job["columns"]?.AsArray().Select(c => (string?)c?["reason"]), Is.Not.Empty.And.All.Not.Empty);
            Assert.That((string?)job["progress"]?["validation"], Does.Contain("cross-validation").Or.Contain("holdout"));
            Assert.That(job["leaderboard"]?.AsArray(), Is.Not.Empty);
        });
    }

    [Test]
    public void The_registry_lists_the_model_and_its_version_with_metrics_schema_lineage_hash_and_aliases()
    {
        var models = Last("GET", "^/api/models$").Json.ToJsonString();
        var version = Last("GET", "^/api/models/penguins/versions$").Json.AsArray()[0]!;

        Assert.Multiple(() =>
        {
            Assert.That(models, Does.Contain("\"name\":\"penguins\""));
            Assert.That(version["metrics"]?.AsObject(), Is.Not.Empty);
            Assert.That(version["inputs"]?.AsArray(), Is.Not.Empty);
            Assert.That(version["lineage"], Is.Not.Null);
            Assert.That((string?)version["artifactSha256"], Does.Match("^[0-9a-f]{64}$"));
            Assert.That(version["aliases"]?.AsArray().Select(a => (string?)a), Does.Contain("production"));
        });
    }

    [Test]
    public void The_cli_prints_the_versions_report_and_writes_the_model_as_onnx()
    {
        var report = Cli("report");
        var export = Cli("export");

        Assert.Multiple(() =>
        {
            Assert.That(report.Status, Is.Zero);
            Assert.That(report.Output, Does.Contain("penguins version 1").And.Contain("confusion matrix"));
            Assert.That(export.Status, Is.Zero);
            Assert.That(new FileInfo(Path.Combine(_clone.Root, "penguins.onnx")).Length, Is.GreaterThan(0));
        });
    }

    [Test]
    public void The_automl_command_uploads_trains_predicts_lists_promotes_and_reports()
    {
        var commands = new[] { "datasets upload", "jobs submit", "predict", "models versions", "models promote", "models report", "--help" }.Select(Cli).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(commands.Select(c => c.Status), Is.All.Zero, string.Join("\n", commands));
            Assert.That(commands[1].Output, Does.Match(@"job \S+ succeeded: model penguins version \d+"));
            Assert.That(commands[2].Output, Does.Contain("Adelie"));
            Assert.That(commands[3].Output, Does.Contain("production"));
            Assert.That(commands[4].Output, Does.Contain("production"));
            Assert.That(commands[5].Output, Does.Contain("confusion matrix"));
            Assert.That(commands[6].Output, Does.Contain("datasets"));
        });
    }

    [Test]
    public void Predicting_answers_a_label_and_probabilities_by_class()
    {
        var predict = Last("POST", "^/api/predict/penguins$");

        Assert.Multiple(() =>
        {
            Assert.That(predict.Status, Is.EqualTo(200));
            Assert.That((string?)predict.Json["predictedLabel"], Is.AnyOf("Adelie", "Chinstrap", "Gentoo"));
            Assert.That(predict.Json["probabilities"]?.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "Adelie", "Chinstrap", "Gentoo" }));
        });
    }

    [Test]
    public void Appending_rows_stores_version_2_with_the_rows_of_both_files()
    {
        var append = Upload("penguins", "samples/penguins/test.csv", "mode=append");

        Assert.Multiple(() =>
        {
            Assert.That(append.Status, Is.EqualTo(201));
            Assert.That((int?)append.Json["version"], Is.EqualTo(2));
            Assert.That((long?)append.Json["rowCount"], Is.EqualTo(Rows("samples/penguins/train.csv") + Rows("samples/penguins/test.csv")));
        });
    }

    [Test]
    public void The_penguins_pipeline_was_loaded_at_start_from_pipelines_of_the_folder()
    {
        var pipeline = Last("GET", "^/api/pipelines/penguins$");

        Assert.That((string?)pipeline.Json["source"], Is.EqualTo("file:penguins.json"));
    }

    [Test]
    public void Running_the_pipeline_reaches_a_decision_with_both_scores_and_lists_the_run()
    {
        var start = Last("POST", "^/api/pipelines/penguins/run$");
        var run = Last("GET", $"^/api/pipelines/penguins/runs/{(string?)start.Json["id"]}$").Json;
        var runs = Last("GET", "^/api/pipelines/penguins/runs$").Json["items"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(start.Status, Is.EqualTo(202));
            Assert.That((string?)run["status"], Is.EqualTo("succeeded"), run.ToJsonString());
            Assert.That((string?)run["decision"]?["outcome"], Is.AnyOf("promoted", "notBetter"));
            Assert.That((double?)run["decision"]?["challenger"]?["score"], Is.Not.Null);
            Assert.That((double?)run["decision"]?["champion"]?["score"], Is.Not.Null);
            Assert.That((string?)runs[0]?["id"], Is.EqualTo((string?)start.Json["id"]));
        });
    }

    [Test]
    public void Promoting_version_2_and_rolling_back_each_take_one_call()
    {
        var promote = Last("PUT", "^/api/models/penguins/aliases/production$");
        var rollback = Last("POST", "^/api/models/penguins/aliases/production/rollback$");

        Assert.Multiple(() =>
        {
            Assert.That(promote.Status, Is.EqualTo(200));
            Assert.That(rollback.Status, Is.EqualTo(200));
            Assert.That((int?)promote.Json["version"], Is.EqualTo(2));
            Assert.That((int?)rollback.Json["version"], Is.EqualTo((int?)promote.Json["previousVersion"]));
        });
    }

    [Test]
    public void The_text_classifier_trains_on_the_reviews_and_answers_a_review()
    {
        var job = Watched(Submit("reviews")).Json;
        var predict = Last("POST", "^/api/predict/reviews$");

        Assert.Multiple(() =>
        {
            Assert.That((string?)job["leaderboard"]?[0]?["trainer"], Is.EqualTo("TorchTextClassifier"));
            Assert.That((string?)job["status"], Is.EqualTo("succeeded"), job.ToJsonString());
            Assert.That((string?)predict.Json["predictedLabel"], Is.Not.Empty, predict.Output);
        });
    }

    [Test]
    public void The_image_classifier_trains_on_the_zip_and_answers_an_image()
    {
        var upload = Upload("fashion", "../shared/datasets/fashion-mnist/train.zip");
        var job = Watched(Submit("fashion")).Json;
        var predict = Last("POST", "^/api/predict/fashion$");

        Assert.Multiple(() =>
        {
            Assert.That(upload.Json["schema"]?["columns"]?.AsArray().Select(c => (string?)c?["name"]), Is.EquivalentTo(new[] { "image", "label" }));
            Assert.That((string?)job["status"], Is.EqualTo("succeeded"), job.ToJsonString());
            Assert.That((string?)predict.Json["predictedLabel"], Is.Not.Empty, predict.Output);
        });
    }

    [Test]
    public void A_new_tenant_comes_with_its_first_admin_key_shown_once()
    {
        var tenant = Last("POST", "^/api/tenants$");

        Assert.Multiple(() =>
        {
            Assert.That(tenant.Status, Is.EqualTo(201));
            Assert.That((string?)tenant.Json["adminKey"]?["key"], Is.Not.Empty);
        });
    }

    [Test]
    public void A_predict_only_key_expiring_in_a_year_is_issued_and_revoked_by_its_id()
    {
        var issued = Last("POST", "^/api/keys$");
        var revoked = Last("DELETE", $"^/api/keys/{(string?)issued.Json["id"]}$");

        Assert.Multiple(() =>
        {
            Assert.That(issued.Status, Is.EqualTo(201));
            Assert.That(issued.Json["scopes"]?.AsArray().Select(s => (string?)s), Is.EqualTo(new[] { "predict" }));
            Assert.That((DateTimeOffset?)issued.Json["expiresAt"], Is.GreaterThan(DateTimeOffset.UtcNow.AddDays(360)));
            Assert.That(revoked.Status, Is.EqualTo(204));
        });
    }

    [Test]
    public void The_audit_trail_lists_entries_and_verifies_intact()
    {
        var audit = Last("GET", "^/api/audit$").Json;
        var verify = Last("GET", "^/api/audit/verify$").Json;

        Assert.Multiple(() =>
        {
            Assert.That(audit["items"]?.AsArray(), Is.Not.Empty);
            Assert.That((bool?)verify["intact"], Is.True);
        });
    }

    [Test]
    public void The_scoring_service_alone_serves_the_platforms_model_from_data_as_a_csv()
    {
        var batch = Last("POST", "^/api/predict/penguins/batch$");
        var lines = batch.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(batch.Port, Is.Not.EqualTo(Last("POST", "^/api/predict/penguins$").Port), "served by the scoring service, not the platform");
            Assert.That(batch.Status, Is.EqualTo(200));
            Assert.That(lines[0], Does.Contain("predictedLabel"));
            Assert.That(lines, Has.Length.EqualTo(Rows("samples/penguins/test.csv") + 1));
        });
    }

    private void AttachLogsIfSomethingFailed()
    {
        if (_clone is null || TestContext.CurrentContext.Result.Outcome.Status != NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            return;
        }

        foreach (var log in new[] { "platform.log", "walkthrough.log" }.Select(name => Path.Combine(_clone.Root, "..", name)).Where(File.Exists))
        {
            var copy = Path.Combine(TestContext.CurrentContext.WorkDirectory, "readme-" + Path.GetFileName(log));
            File.Copy(log, copy, overwrite: true);
            TestContext.AddTestAttachment(copy, Path.GetFileName(log));
        }
    }

    /// <summary>The last recorded curl call with this method whose path matches; fails when the README no longer makes one.</summary>
    private RecordedCall Last(string method, string path) =>
        _recorded.LastOrDefault(c => c.Tool == "curl" && c.Method == method && Regex.IsMatch(c.Path, path))
        ?? throw new AssertionException($"The walkthrough made no {method} matching {path}. It made: {string.Join("; ", _recorded.Select(c => $"{c.Method} {c.Path}"))}");

    /// <summary>The upload of <paramref name="file"/> as dataset <paramref name="name"/> (with more form fields, if given).</summary>
    private RecordedCall Upload(string name, string file, params string[] fields) =>
        _recorded.LastOrDefault(c => c is { Tool: "curl", Path: "/api/datasets", Method: "POST" } && c.Arguments.Contains($"name={name}")
            && c.Arguments.Contains($"file=@{file}") && fields.All(c.Arguments.Contains) && (fields.Length > 0 || !c.Arguments.Any(a => a.StartsWith("mode=", StringComparison.Ordinal))))
        ?? throw new AssertionException($"The walkthrough uploaded no {file} as {name} {string.Join(' ', fields)}.");

    /// <summary>The job submitted for model <paramref name="model"/>.</summary>
    private RecordedCall Submit(string model) =>
        _recorded.LastOrDefault(c => c is { Tool: "curl", Path: "/api/jobs", Method: "POST" } && c.Arguments.Any(a => a.Contains($"\"modelName\":\"{model}\"", StringComparison.Ordinal)))
        ?? throw new AssertionException($"The walkthrough submitted no job for model {model}.");

    /// <summary>The job's last state as the walkthrough watched it.</summary>
    private RecordedCall Watched(RecordedCall submit) => Last("GET", $"^/api/jobs/{(string?)submit.Json["id"]}$");

    /// <summary>The CLI command the walkthrough ran (its words after <c>--</c>, e.g. <c>report</c> or <c>models versions</c>).</summary>
    private RecordedCall Cli(string command) =>
        _recorded.LastOrDefault(c => c.Tool == "dotnet" && c.Arguments.Contains("src/AutoMLPlatform.Cli")
            && (string.Join(' ', c.Arguments.SkipWhile(a => a != "--").Skip(1)) + " ").StartsWith(command + " ", StringComparison.Ordinal))
        ?? throw new AssertionException($"The walkthrough ran no CLI {command}.");

    private long Rows(string file) => File.ReadLines(Path.Combine(_clone.Root, file)).Count(l => l.Length > 0) - 1;
}
