using System.Runtime.CompilerServices;
using AutoMLPlatform.AutoML.Budget;

namespace AutoMLPlatform.AutoML.Tests.Budget;

public class MemoryGuardTests
{
    private const int Megabytes = 400;

    [Test]
    public void Live_memory_over_the_limit_counts_and_garbage_does_not()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var guard = new MemoryGuard(MemoryGuard.CurrentBytes() + (Megabytes / 2L << 20));

        var (exceededWhileLive, whileLive) = CheckWhileHolding(guard, Megabytes);
        LeaveGarbage(Megabytes);
        var overBeforeCollecting = MemoryGuard.CurrentBytes() > guard.LimitBytes;
        var exceededByGarbage = guard.Exceeded(out var afterGarbage);

        Assert.Multiple(() =>
        {
            Assert.That(exceededWhileLive, Is.True, $"{whileLive >> 20} MB against a limit of {guard.LimitBytes >> 20} MB");
            Assert.That(overBeforeCollecting, Is.True, "the garbage was resident, so the guard had something to collect");
            Assert.That(exceededByGarbage, Is.False, $"{afterGarbage >> 20} MB after collecting, against {guard.LimitBytes >> 20} MB");
        });
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte[][] Resident(int megabytes)
    {
        var blocks = new byte[megabytes / 16][];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = new byte[16 << 20];
            Array.Fill(blocks[i], (byte)1);
        }

        return blocks;
    }

    [Test]
    public void Between_trials_a_heap_grown_past_the_threshold_is_collected()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var guard = new MemoryGuard(long.MaxValue);
        var baseline = GC.GetTotalMemory(forceFullCollection: false);

        LeaveGarbage(Megabytes);
        var grown = GC.GetTotalMemory(forceFullCollection: false) - baseline;
        guard.CollectIfGrown();
        var left = GC.GetTotalMemory(forceFullCollection: false) - baseline;

        Assert.Multiple(() =>
        {
            Assert.That(grown, Is.GreaterThan(MemoryGuard.CollectBetweenTrialsAfterGrowthBytes), "the garbage was still on the heap");
            Assert.That(left, Is.LessThan(MemoryGuard.CollectBetweenTrialsAfterGrowthBytes / 4), $"{left >> 20} MB left of {grown >> 20} MB");
        });
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (bool Exceeded, long Bytes) CheckWhileHolding(MemoryGuard guard, int megabytes)
    {
        var live = Resident(megabytes);
        var exceeded = guard.Exceeded(out var bytes);
        GC.KeepAlive(live);
        return (exceeded, bytes);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveGarbage(int megabytes) => GC.KeepAlive(Resident(megabytes));
}
