using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Readme;

/// <summary>
/// How the README becomes the walkthrough's script (<see cref="WalkthroughScript"/>), checked in seconds: a README
/// change that the slow walkthrough would have to follow fails here first.
/// </summary>
public class WalkthroughScriptTests
{
    private const string Prelude = "# prelude\n";

    private static string Readme => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    [Test]
    public void The_readme_starts_the_platform_with_its_set_up_command_and_skips_only_what_it_says_why()
    {
        var script = WalkthroughScript.Build(Readme, Prelude, 41001, 41002);

        Assert.Multiple(() =>
        {
            Assert.That(script.StartCommand, Is.EqualTo("dotnet run -c Release --project src/AutoMLPlatform.Server"));
            Assert.That(script.Skipped.Select(s => s.Split(':')[0]),
                Is.EquivalentTo(new[] { "tools/test.sh", "## Scale out", "tools/bench/scoring.sh" }));
        });
    }

    [Test]
    public void The_script_calls_the_test_ports_with_the_test_budgets()
    {
        var script = WalkthroughScript.Build(Readme, Prelude, 41001, 41002).Text;

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.StartWith(Prelude));
            Assert.That(script, Does.Contain("127.0.0.1:41001/api/datasets").And.Contain("127.0.0.1:41002/api/predict/"));
            Assert.That(script, Does.Not.Contain("127.0.0.1:5000").And.Not.Contain("127.0.0.1:5001"));
            Assert.That(script, Does.Contain($"\\\"timeBudgetSeconds\\\":{WalkthroughScript.TestBudgetSeconds}"));
            Assert.That(script, Does.Contain($"--budget {WalkthroughScript.TestBudgetSeconds} ").And.Not.Match(@"--budget (?!" + WalkthroughScript.TestBudgetSeconds + @"\b)\d+"));
            Assert.That(script, Does.Not.Match(@"timeBudgetSeconds\\"":(?!" + WalkthroughScript.TestBudgetSeconds + @"\b)\d+"));
            Assert.That(script, Does.Contain("/api/keys/$(last_id)").And.Contain("serve 41002 dotnet run -c Release --project src/AutoMLPlatform.Scoring"));
        });
    }

    [Test]
    public void A_bash_block_under_a_heading_the_test_does_not_know_stops_the_build()
    {
        var readme = Readme + "\n## Something new\n\n```bash\ncurl -s http://127.0.0.1:5000/api/new\n```\n";

        Assert.That(() => WalkthroughScript.Build(readme, Prelude, 41001, 41002),
            Throws.InvalidOperationException.With.Message.Contains("'## Something new'"));
    }

    [Test]
    public void A_substitution_the_readme_no_longer_needs_stops_the_build()
    {
        var readme = Readme.Replace("\\\"timeBudgetSeconds\\\":", "\\\"budget\\\":", StringComparison.Ordinal);

        Assert.That(() => WalkthroughScript.Build(readme, Prelude, 41001, 41002),
            Throws.InvalidOperationException.With.Message.Contains("timeBudgetSeconds"));
    }

    [Test]
    public void A_set_up_of_more_than_the_two_commands_stops_the_build()
    {
        var readme = Readme.Replace("```bash\ntools/test.sh\n```", "```bash\ntools/setup.sh\n```\n\n```bash\ntools/test.sh\n```", StringComparison.Ordinal);

        Assert.That(() => WalkthroughScript.Build(readme, Prelude, 41001, 41002),
            Throws.InvalidOperationException.With.Message.Contains("tools/setup.sh"));
    }
}
