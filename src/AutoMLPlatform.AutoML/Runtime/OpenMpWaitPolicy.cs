using System.Runtime.InteropServices;

namespace AutoMLPlatform.AutoML.Runtime;

/// <summary>
/// Makes LightGBM's OpenMP threads wait passively (<c>OMP_WAIT_POLICY=PASSIVE</c>) unless the environment says
/// otherwise. By default OpenMP threads spin between parallel regions; when other processes share the cores, each
/// of LightGBM's per-tree barriers then waits for a descheduled spinner, and a 50 ms fit was measured taking 2–4 s.
/// Passive waiting costs microseconds per barrier on an idle machine. libgomp reads the variable once, when
/// LightGBM's native library first loads it, so this runs before the first experiment; .NET's own environment
/// API does not change the native environment on Linux, hence <c>setenv</c>.
/// </summary>
internal static class OpenMpWaitPolicy
{
    private const string Variable = "OMP_WAIT_POLICY";

    private static readonly Lazy<bool> Applied = new(Apply, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when this call (or an earlier one) set the policy; false when the environment already chose one or the OS is not Linux.</summary>
    public static bool EnsurePassive() => Applied.Value;

    private static bool Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) is not null)
        {
            return false;
        }

        return SetEnvironmentVariable(Variable, "PASSIVE", 0) == 0;
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetEnvironmentVariable(string name, string value, int overwrite);
}
