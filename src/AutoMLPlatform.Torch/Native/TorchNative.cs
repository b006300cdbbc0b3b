using System.Runtime.CompilerServices;
using TorchSharp;

namespace AutoMLPlatform.Torch.Native;

/// <summary>
/// The one door to TorchSharp's native side: every Torch code path calls <see cref="EnsureLoaded"/> before its first
/// <c>torch</c> call. On Linux it first checks that the application's <c>libLibTorchSharp.so</c> can load with this
/// machine's libstdc++ and patches the copy if not (see <see cref="LibTorchSharpFix"/>), then initialises the CPU
/// backend. Runs once per process: loading a native library is a fact about the process, so the result is held
/// in a process-wide lazy value that never changes once computed (a failure is rethrown to every caller).
/// </summary>
public static class TorchNative
{
    private static readonly Lazy<TorchNativeReport> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Prepares and loads the native libraries; cheap after the first call.</summary>
    /// <exception cref="InvalidOperationException">The library cannot be made loadable here; the message says why.</exception>
    public static TorchNativeReport EnsureLoaded() => Loaded.Value;

    /// <summary>
    /// Checks and, if needed, patches the library under <paramref name="baseDirectory"/> without loading it;
    /// <paramref name="probe"/> finds the libstdc++ in use and its versions (<see cref="LibStdCxxProbe.Probe"/>).
    /// </summary>
    internal static TorchNativeReport Prepare(string baseDirectory, Func<(string Path, IReadOnlySet<string> Versions)?> probe)
    {
        if (!OperatingSystem.IsLinux() || LibTorchSharpFix.FindInApplication(baseDirectory) is not { } library)
        {
            return new TorchNativeReport(NativePatchOutcome.NotNeeded, null, null, []);
        }

        // Without a readable libstdc++ we cannot tell, and the patch is harmless where the version exists: apply it.
        var runtime = probe();
        var missing = runtime is { } found ? LibTorchSharpFix.MissingVersions(library, found.Versions) : [LibTorchSharpFix.KnownMissingVersion];
        if (missing.Count == 0)
        {
            return new TorchNativeReport(NativePatchOutcome.NotNeeded, library, runtime?.Path, missing);
        }

        try
        {
            var outcome = LibTorchSharpFix.Patch(library, missing) ? NativePatchOutcome.Patched : NativePatchOutcome.AlreadyPatched;
            return new TorchNativeReport(outcome, library, runtime?.Path, missing);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or InvalidDataException)
        {
            throw new InvalidOperationException(
                $"TorchSharp's {library} needs {string.Join(", ", missing)} from libstdc++, which {runtime?.Path ?? "this machine"} lacks, " +
                $"and the automatic fix failed: {ex.Message}", ex);
        }
    }

    private static TorchNativeReport Load()
    {
        var report = Prepare(AppContext.BaseDirectory, LibStdCxxProbe.Probe);
        InitializeBackend();
        return report;
    }

    /// <summary>Kept apart so no TorchSharp type is touched before the library file is ready.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InitializeBackend() => torch.InitializeDeviceType(DeviceType.CPU);
}
