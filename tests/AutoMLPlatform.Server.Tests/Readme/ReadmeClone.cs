using System.Diagnostics;
using System.Text.RegularExpressions;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Readme;

/// <summary>
/// What a new user has after <c>git clone</c>: the repository's files (tracked, and new ones not ignored, so a change not
/// yet committed is tested too) copied into <c>TEMP/AutoMLPlatform</c>, with no build output, no <c>data/</c> and no
/// <c>node_modules</c>; beside it <c>TEMP/shared/datasets</c>, a link to the shared datasets the README names as
/// <c>../shared/datasets</c>. Deleted with everything built or written in it.
/// </summary>
internal sealed partial class ReadmeClone : IDisposable
{
    private readonly TempDirectory _temp = new();

    private ReadmeClone()
    {
        Root = Path.Combine(_temp.Path, "AutoMLPlatform");
    }

    /// <summary>The clone's root: the README's working directory.</summary>
    public string Root { get; }

    private string SharedLink => Path.Combine(_temp.Path, "shared", "datasets");

    public static async Task<ReadmeClone> CreateAsync(CancellationToken cancellationToken)
    {
        var clone = new ReadmeClone();
        try
        {
            foreach (var file in await RepositoryFilesAsync(cancellationToken))
            {
                var source = Path.Combine(RepositoryPaths.Root, file);
                if (!File.Exists(source))
                {
                    continue; // deleted in the working tree, not yet committed
                }

                var target = Path.Combine(clone.Root, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target, File.GetUnixFileMode(source)); // tools/*.sh are run as commands
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(clone.SharedLink)!);
            Directory.CreateSymbolicLink(clone.SharedLink, RepositoryPaths.SharedDatasets);
            return clone;
        }
        catch
        {
            clone.Dispose();
            throw;
        }
    }

    /// <summary>Sets every <c>"timeBudgetSeconds"</c> of <c>pipelines/NAME.json</c> to <paramref name="seconds"/>.</summary>
    public void ShortenPipelineBudget(string name, int seconds)
    {
        var path = Path.Combine(Root, "pipelines", name + ".json");
        var text = File.ReadAllText(path);
        if (!PipelineBudget().IsMatch(text))
        {
            throw new InvalidOperationException($"{path} has no \"timeBudgetSeconds\" to shorten any more.");
        }

        File.WriteAllText(path, PipelineBudget().Replace(text, $"${{prefix}}{seconds}"));
    }

    public void Dispose()
    {
        // Only the link goes, never what it points at (a recursive delete does not follow it either; this says so).
        if (Directory.Exists(Path.GetDirectoryName(SharedLink)))
        {
            File.Delete(SharedLink);
        }

        _temp.Dispose();
    }

    private static async Task<string[]> RepositoryFilesAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git did not start.");
        var output = git.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = git.StandardError.ReadToEndAsync(cancellationToken);
        await git.WaitForExitAsync(cancellationToken);
        return git.ExitCode == 0
            ? (await output).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            : throw new InvalidOperationException($"The README test copies the repository's files as git lists them, and git failed: {await error}");
    }

    [GeneratedRegex(@"(?<prefix>""timeBudgetSeconds""\s*:\s*)\d+")]
    private static partial Regex PipelineBudget();
}
