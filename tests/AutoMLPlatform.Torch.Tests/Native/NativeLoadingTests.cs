using System.Diagnostics;
using System.Text.Json;
using AutoMLPlatform.Torch.Native;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Torch.Tests.Native;

/// <summary>
/// Proves TorchSharp loads in a fresh process from a clean build output: the test output is mirrored into a temporary
/// application folder (managed files copied or linked, native libraries linked) whose libLibTorchSharp.so is the
/// unpatched file as the package ships it, and this assembly runs there as a child process.
/// </summary>
[Category("Slow")]
public class NativeLoadingTests
{
    [Test]
    public async Task A_clean_build_output_loads_TorchSharp_and_LightGbm_in_one_process()
    {
        using var app = new TempDirectory();
        Mirror(AppContext.BaseDirectory, app.Path);
        var library = PristineLibrary.CopyTo(Path.Combine(app.Path, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
        var needsPatch = LibTorchSharpFix.MissingVersions(library, LibStdCxxProbe.Probe()!.Value.Versions).Count > 0;

        var (exitCode, output) = await RunAsync(Path.Combine(app.Path, "AutoMLPlatform.Torch.Tests.dll"), TorchLoadCheck.Command);

        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(json.RootElement.GetProperty("outcome").GetString(), Is.EqualTo(needsPatch ? "Patched" : "NotNeeded"));
            Assert.That(json.RootElement.GetProperty("loss").GetSingle(), Is.GreaterThan(0));
            Assert.That(json.RootElement.GetProperty("lightGbmRows").GetInt32(), Is.EqualTo(200));
        });
    }

    /// <summary>The entry assembly and its host files are copied (the host resolves the app folder from them); the rest is linked.</summary>
    private static void Mirror(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            // The library under test is put there as a real file afterwards; a link to the (mapped) original would let
            // the copy write through it into the test host's own library.
            if (relative.StartsWith("pristine", StringComparison.Ordinal) || Path.GetFileName(relative) == "libLibTorchSharp.so")
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (relative.StartsWith("AutoMLPlatform.Torch.Tests.", StringComparison.Ordinal))
            {
                File.Copy(file, destination);
            }
            else
            {
                File.CreateSymbolicLink(destination, file);
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string assembly, string argument)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
