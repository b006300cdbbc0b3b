using System.Text.RegularExpressions;

namespace AutoMLPlatform.Server.Tests.Readme;

/// <summary>
/// Finds the paths a Markdown document names that do not exist in the repository. What counts as a path, by rule
/// (the tests that use this say why each rule is as it is):
/// <list type="number">
/// <item><b>Links</b> <c>[text](target)</c> without a scheme: the target, from the document's folder, and its
/// <c>#anchor</c>, a heading of the target as GitHub makes anchors.</item>
/// <item><b>Root paths</b> in code (spans and fenced blocks): a token that starts with a top-level folder of the
/// repository (<see cref="RootFolders"/>). A <c>*</c> in the last segment must match at least one file.</item>
/// <item><b>Project paths</b> in code spans: a token with a <c>/</c> that starts with an upper-case folder
/// (<c>Training/EpochLoop.cs</c>, <c>AutoML/Evaluation/ModelEvaluator</c>) or ends in a source file's extension
/// (<c>js/api.js</c>): the end of a file or folder under <c>src/</c> or <c>tests/</c> (<c>.cs</c> may be left off).</item>
/// <item><b>Shared paths</b> <c>../shared/X/…</c>: checked when <c>../shared/X</c> is beside the repository (CI has
/// the shared datasets; a developer's machine may not).</item>
/// </list>
/// Not paths of the repository: URLs and API routes (they start with <c>/</c> or a scheme), the user's files
/// (<c>~/…</c>, <c>$XDG_CONFIG_HOME/…</c>), settings (<c>=</c>, <c>:</c>), placeholders
/// (<c>{…}</c>, <c>…</c>), <c>data/…</c> (made at run time), and <see cref="NotInTheRepository"/>.
/// </summary>
internal static partial class DocumentedPaths
{
    public static readonly string[] RootFolders = ["src", "tests", "tools", "samples", "pipelines", "docs", ".ci"];

    /// <summary>Code spans that look like project paths but are not files of the repository, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotInTheRepository = new Dictionary<string, string>
    {
        ["Console/wwwroot/lib/"] = "made by the build (npm), ignored by git",
        ["Console/node_modules"] = "made by the build (npm ci), ignored by git",
        ["FP16/FP32/FP64"] = "number formats",
        ["Europe/Berlin"] = "a time zone",
        ["America/New_York"] = "a time zone",
    };

    private static readonly string[] SourceExtensions = [".cs", ".js", ".json", ".sh", ".py", ".md", ".css", ".html", ".csproj", ".props"];

    /// <summary>Links whose file or anchor does not exist, as <c>target</c>.</summary>
    public static IEnumerable<string> MissingLinks(string root, string document)
    {
        var text = File.ReadAllText(Path.Combine(root, document));
        foreach (Match link in Link().Matches(WithoutCode(text)))
        {
            var target = link.Groups["target"].Value;
            if (Scheme().IsMatch(target))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? target : target[..hash];
            var path = file.Length == 0 ? Path.Combine(root, document) : Path.GetFullPath(Path.Combine(root, Path.GetDirectoryName(document)!, file));
            var exists = File.Exists(path) || Directory.Exists(path);
            if (!exists || (hash >= 0 && !Anchors(File.ReadAllText(path)).Contains(target[(hash + 1)..])))
            {
                yield return target;
            }
        }
    }

    /// <summary>Root paths that match nothing.</summary>
    public static IEnumerable<string> MissingRootPaths(string root, string document) =>
        Code(File.ReadAllText(Path.Combine(root, document)))
            .SelectMany(code => RootPath().Matches(code).Select(m => m.Value.TrimEnd('.', ':')))
            .Where(path => !Exists(root, path.Split('#')[0]))
            .Distinct();

    /// <summary>Project paths in code spans that are the end of no file or folder under src/ or tests/.</summary>
    public static IEnumerable<string> MissingProjectPaths(string root, string document)
    {
        var candidates = SourceCandidates(root);
        return Spans(File.ReadAllText(Path.Combine(root, document)))
            .Where(IsProjectPath)
            .Where(span => !candidates.Any(c => EndOf(span.TrimEnd('/')).IsMatch(c)))
            .Distinct();
    }

    /// <summary>Shared paths whose shared folder is beside the repository but which are not in it.</summary>
    public static IEnumerable<string> MissingSharedPaths(string root, string document) =>
        Code(File.ReadAllText(Path.Combine(root, document)))
            .SelectMany(code => SharedPath().Matches(code).Select(m => m.Value.TrimEnd('.', ':', '/')))
            .Where(path => Directory.Exists(Path.Combine(root, string.Join('/', path.Split('/').Take(3)))) && !Path.Exists(Path.Combine(root, path)))
            .Distinct();

    /// <summary>GitHub's anchors: the heading in lower case, without punctuation, spaces as hyphens.</summary>
    public static IReadOnlySet<string> Anchors(string markdown) =>
        Heading().Matches(WithoutCode(markdown, spans: false))
            .Select(m => NotInAnchor().Replace(m.Groups["title"].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet();

    private static bool IsProjectPath(string span) =>
        span.Contains('/', StringComparison.Ordinal) && !span.Any(c => char.IsWhiteSpace(c) || c is ':' or '=' or '{' or '[' or '?' or '…')
        && !span.StartsWith('/') && !span.StartsWith('.') && !span.StartsWith('~') && !span.StartsWith('$') && !NotInTheRepository.ContainsKey(span)
        && !RootFolders.Contains(span.Split('/')[0]) && span.Split('/')[0] != "data"
        && (char.IsUpper(span[0]) || SourceExtensions.Any(e => span.EndsWith(e, StringComparison.Ordinal)));

    private static bool Exists(string root, string path)
    {
        var full = Path.Combine(root, path);
        if (!path.Contains('*', StringComparison.Ordinal))
        {
            return Path.Exists(full);
        }

        var folder = Path.GetDirectoryName(full)!;
        return Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder, Path.GetFileName(full)).Any();
    }

    /// <summary>Every file under src/ and tests/ (no build output), and each with <c>.cs</c> left off, and every folder.</summary>
    private static List<string> SourceCandidates(string root)
    {
        var files = new[] { "src", "tests" }.Where(top => Directory.Exists(Path.Combine(root, top))).SelectMany(top => Directory.EnumerateFiles(Path.Combine(root, top), "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or "node_modules"))
            .ToList();
        var folders = files.SelectMany(f => Enumerable.Range(1, f.Count(c => c == '/')).Select(n => string.Join('/', f.Split('/').Take(n))));
        return files.Concat(files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal)).Select(f => f[..^3])).Concat(folders).Distinct().ToList();
    }

    /// <summary>A path that ends with <paramref name="tail"/> after a folder separator or a dot (<c>AutoMLPlatform.Jobs.Tests</c> ends with <c>Jobs.Tests</c>).</summary>
    private static Regex EndOf(string tail) => new("(^|[/.])" + Regex.Escape(tail).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");

    private static IEnumerable<string> Code(string markdown) =>
        Fence().Matches(markdown).Select(m => m.Value).Concat(Spans(markdown));

    private static IEnumerable<string> Spans(string markdown) => Span().Matches(WithoutCode(markdown, spans: false)).Select(m => m.Groups["code"].Value);

    private static string WithoutCode(string markdown, bool spans = true)
    {
        var text = Fence().Replace(markdown, "");
        return spans ? Span().Replace(text, "") : text;
    }

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"`(?<code>[^`\n]+)`")]
    private static partial Regex Span();

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"(?<=^|[\s`(@=""'])(?:src|tests|tools|samples|pipelines|docs|\.ci)/[^\s`'"")\],;|]*", RegexOptions.Multiline)]
    private static partial Regex RootPath();

    [GeneratedRegex(@"(?<=^|[\s`(@=""'])\.\./shared/[^\s`'"")\],;|]*", RegexOptions.Multiline)]
    private static partial Regex SharedPath();

    [GeneratedRegex(@"^\#{1,6}\ (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{Nd}\ _-]")]
    private static partial Regex NotInAnchor();
}
