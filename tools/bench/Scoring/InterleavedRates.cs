using System.Runtime.InteropServices;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// Rows per second of several paths on one thread, measured in short slices that take turns (raw, pool, JSON, raw, …)
/// rather than one long run each: on a shared machine a burst of someone else's work then lands on every path alike,
/// and a ratio is taken within each turn, where the paths saw the same machine. Time is the measuring thread's own CPU
/// time (<c>CLOCK_THREAD_CPUTIME_ID</c>), so the seconds the scheduler gives other processes on a busy machine do not
/// count: a rate is rows per second while the thread runs. The warm-up takes turns too, so the JIT's tiering and
/// profile-guided choices in code the paths share (ML.NET's) see all of them.
/// </summary>
internal sealed class InterleavedRates(TimeSpan warmUp, TimeSpan measure, TimeSpan slice)
{
    private const int Batch = 256;
    private const int ClockThreadCpuTime = 3;

    /// <summary>
    /// Per path, the rate of each turn, in turn order. <paramref name="enter"/>, when given, has one action per path, run
    /// (untimed) before each of its slices: the way to measure one path in two settings, such as drift on and off.
    /// </summary>
    public double[][] Measure(IReadOnlyList<Func<int, float>> paths, IReadOnlyList<Action>? enter = null)
    {
        var next = new int[paths.Count];
        for (var turn = 0; turn < (int)Math.Ceiling(warmUp / slice); turn++)
        {
            for (var p = 0; p < paths.Count; p++)
            {
                enter?[p]();
                Slice(paths[p], ref next[p]);
            }
        }

        var turns = Math.Max(1, (int)Math.Ceiling(measure / slice));
        var rates = paths.Select(_ => new double[turns]).ToArray();
        for (var turn = 0; turn < turns; turn++)
        {
            for (var p = 0; p < paths.Count; p++)
            {
                enter?[p]();
                rates[p][turn] = Slice(paths[p], ref next[p]);
            }
        }

        return rates;
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>The <paramref name="q"/> quantile of <paramref name="values"/> (nearest rank).</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Round(q * (sorted.Length - 1)), 0, sorted.Length - 1)];
    }

    /// <summary>This thread's CPU time.</summary>
    public static TimeSpan ThreadCpuTime()
    {
        if (ClockGetTime(ClockThreadCpuTime, out var now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return TimeSpan.FromTicks((now.Seconds * TimeSpan.TicksPerSecond) + (now.Nanoseconds / 100));
    }

    private double Slice(Func<int, float> path, ref int next)
    {
        var rows = 0;
        var started = ThreadCpuTime();
        TimeSpan used;
        do
        {
            for (var i = 0; i < Batch; i++)
            {
                path(next++);
            }

            rows += Batch;
            used = ThreadCpuTime() - started;
        }
        while (used < slice);

        return rows / used.TotalSeconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
