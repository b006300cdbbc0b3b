using System.Text;
using System.Text.RegularExpressions;

namespace AutoMLPlatform.Server.Tests.Readme;

/// <summary>
/// The README's bash blocks as one script, in the README's order and in one shell, as a reader runs them in one
/// terminal (<c>$AUTH</c> and <c>$JOB</c> carry from block to block). Blocks are picked by the heading they stand
/// under; a bash block under any other heading fails the build of the script, so a new block is either run here or
/// skipped here with its reason.
/// <para>The README's text is the source. Substitutions, each required to apply (if one stops applying, the README
/// changed and this class must follow it):</para>
/// <list type="bullet">
/// <item><c>127.0.0.1:5000</c> and <c>127.0.0.1:5001</c>, the platform's and the scoring service's default addresses,
/// become free ports, so the test runs beside anything already listening there;</item>
/// <item>every job's <c>\"timeBudgetSeconds\":N</c> and the <c>automl</c> command's <c>--budget N</c> (30 to 120 s as
/// written) become <see cref="TestBudgetSeconds"/>: what the README says of the answers does not depend on how long the
/// search ran;</item>
/// <item><c>KEY_ID</c>, which the README says is the previous answer's <c>id</c>, becomes <c>$(last_id)</c>;</item>
/// <item>a line that runs a server in the foreground (<c>dotnet run … --project src/AutoMLPlatform.Scoring …</c>) gets
/// <c>serve PORT</c> in front, which starts it in the background and waits until it answers;</item>
/// <item>a benchmark line (<c>tools/bench/…</c>) is left out: it measures for minutes and checks nothing.</item>
/// </list>
/// <para>The prelude (<c>walkthrough-prelude.sh</c>) goes first: it records every answer for the test. Not in the
/// script but in its environment: <c>AUTOMLPLATFORM_URL</c>, which the README's CLI commands read for the platform's
/// address (the only thing the CLI would otherwise take from port 5000).</para>
/// </summary>
internal sealed partial class WalkthroughScript
{
    /// <summary>The search budget of every job the walkthrough submits, and of the penguins pipeline's runs.</summary>
    public const int TestBudgetSeconds = 10;

    private const string SetUpHeading = "## Set-up";

    /// <summary>The headings whose bash blocks run (in the README's order, whatever the order here).</summary>
    private static readonly string[] RunHeadings =
    [
        "## Walkthrough with curl", "## Walkthrough with the .NET client and the `automl` command", "### Text and images", "## Keys, tenants, audit",
        "## The scoring service alone",
    ];

    /// <summary>Blocks not run, by heading, and why.</summary>
    private static readonly Dictionary<string, string> SkippedHeadings = new()
    {
        ["## Scale out"] = "needs PostgreSQL and three more server processes; the same binary's roles are run over PostgreSQL by "
            + "tests/AutoMLPlatform.Server.Tests/ScaleOut",
    };

    private WalkthroughScript(string startCommand, string text, IReadOnlyList<string> skipped)
    {
        StartCommand = startCommand;
        Text = text;
        Skipped = skipped;
    }

    /// <summary>The Set-up's command that runs the platform, as written.</summary>
    public string StartCommand { get; }

    /// <summary>The script: the prelude, then the README's blocks with the substitutions.</summary>
    public string Text { get; }

    /// <summary>What is not run, each with its reason.</summary>
    public IReadOnlyList<string> Skipped { get; }

    public static WalkthroughScript Build(string readme, string prelude, int platformPort, int scoringPort)
    {
        var blocks = ReadmeBlock.Parse(readme);
        var skipped = new List<string>();
        var setUp = blocks.Where(b => b.Heading.StartsWith(SetUpHeading, StringComparison.Ordinal)).Select(b => b.Code.Trim()).ToList();
        var start = setUp.Where(c => c.StartsWith("dotnet run ", StringComparison.Ordinal)).ToList();
        var unknownSetUp = setUp.Except(start).Where(c => c != "tools/test.sh").ToList();
        if (start.Count != 1 || start[0].Contains('\n', StringComparison.Ordinal) || unknownSetUp.Count > 0)
        {
            throw new InvalidOperationException($"The set-up should be one `dotnet run` command that runs the platform and `tools/test.sh`; it is: {string.Join(" | ", setUp)}");
        }

        skipped.Add("tools/test.sh: the command CI runs, which runs this test");
        var unknown = blocks.Where(b => !b.Heading.StartsWith(SetUpHeading, StringComparison.Ordinal) && !RunHeadings.Contains(b.Heading)
            && !SkippedHeadings.Keys.Any(h => b.Heading.StartsWith(h, StringComparison.Ordinal))).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException("The README has bash blocks the walkthrough test neither runs nor skips, under: "
                + string.Join(", ", unknown.Select(b => $"'{b.Heading}'")) + ". Add the heading to WalkthroughScript's run or skipped headings.");
        }

        skipped.AddRange(blocks.Where(b => SkippedHeadings.Keys.Any(h => b.Heading.StartsWith(h, StringComparison.Ordinal)))
            .Select(b => $"{b.Heading}: {SkippedHeadings.First(h => b.Heading.StartsWith(h.Key, StringComparison.Ordinal)).Value}"));

        var missing = RunHeadings.Where(h => blocks.All(b => b.Heading != h)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No bash block under {string.Join(", ", missing)} in the README any more; update WalkthroughScript.");
        }

        var code = string.Join("\n", blocks.Where(b => RunHeadings.Contains(b.Heading)).Select(b => b.Code));
        skipped.AddRange(Benchmark().Matches(code).Select(m => $"{m.Value.Split('#')[0].Trim()}: a benchmark of minutes, which checks nothing"));
        code = Substitute(code, Benchmark(), "# (left out by the walkthrough test) $0", "a benchmark line");
        code = Substitute(code, ServerLine(), $"serve {scoringPort} $0", "the scoring service's start");
        code = Substitute(code, PlatformAddress(), $"127.0.0.1:{platformPort}", "the platform's address 127.0.0.1:5000");
        code = Substitute(code, ScoringAddress(), $"127.0.0.1:{scoringPort}", "the scoring service's address 127.0.0.1:5001");
        code = Substitute(code, JobBudget(), $"${{prefix}}{TestBudgetSeconds}", "a job's timeBudgetSeconds");
        code = Substitute(code, CliBudget(), $"--budget {TestBudgetSeconds}", "the automl command's --budget");
        code = Substitute(code, KeyIdPlaceholder(), "$(last_id)", "the KEY_ID placeholder");

        var text = new StringBuilder(prelude).Append("\n# ---- README.md ----\n").Append(code).Append('\n').ToString();
        return new WalkthroughScript(start[0], text, skipped);
    }

    private static string Substitute(string code, Regex pattern, string replacement, string what) =>
        pattern.IsMatch(code) ? pattern.Replace(code, replacement)
            : throw new InvalidOperationException($"The walkthrough test substitutes {what}, but the README's commands no longer have it ({pattern}).");

    [GeneratedRegex(@"^tools/bench/.*$", RegexOptions.Multiline)]
    private static partial Regex Benchmark();

    [GeneratedRegex(@"^dotnet run .*--project src/AutoMLPlatform\.Scoring\b.*$", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"127\.0\.0\.1:5000\b")]
    private static partial Regex PlatformAddress();

    [GeneratedRegex(@"127\.0\.0\.1:5001\b")]
    private static partial Regex ScoringAddress();

    [GeneratedRegex(@"(?<prefix>\\""timeBudgetSeconds\\"":\s*)\d+")]
    private static partial Regex JobBudget();

    [GeneratedRegex(@"--budget \d+")]
    private static partial Regex CliBudget();

    [GeneratedRegex(@"\bKEY_ID\b")]
    private static partial Regex KeyIdPlaceholder();
}
