using System.Numerics;
using System.Runtime.CompilerServices;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>
/// Picks which of a shard's rows have their values counted, and how much each one counts for. A countdown picks the
/// next row; it counts with a weight equal to the stride its gap was drawn with, and the gap to the row after it is
/// drawn uniformly from 1 to 2·stride − 1 (mean: the stride). In the long run every row is picked with probability
/// 1/stride, so a bin's count, the sum of the weights of the picked rows that fell in it, is an unbiased estimate of all
/// the rows that fell in it (Horvitz–Thompson). Stride 1 picks every row with weight 1: exact counts.
/// <para>
/// The stride is the smallest power of two (up to <see cref="MaxStride"/>) that keeps the picked rows at or below the
/// target rate, worked out from the rows and the clock over a window: <see cref="WindowRows"/> picked rows, or one
/// second when fewer came. Only the shard's holder calls it, so the state is plain fields.
/// </para>
/// </summary>
internal sealed class DriftSampler
{
    /// <summary>The largest stride: on average one row in 4,096 has its values counted.</summary>
    public const int MaxStride = 4096;

    /// <summary>Picked rows per window: the stride is worked out again at most this often.</summary>
    public const int WindowRows = 256;

    private readonly TimeProvider _time;
    private readonly int _sampledRowsPerSecond;
    private readonly long _longestWindow;
    private uint _random;
    private int _countdown = 1;
    private int _gap = 1;
    private int _weight = 1;
    private long _windowStart;
    private long _windowRows;
    private int _windowPicks;

    /// <param name="time">The clock the row rate is measured with.</param>
    /// <param name="sampledRowsPerSecond">The most rows per second to count the values of; 0 counts every row.</param>
    /// <param name="seed">The gap generator's start (not 0); a fixed one per shard keeps a run repeatable.</param>
    public DriftSampler(TimeProvider time, int sampledRowsPerSecond, uint seed)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(sampledRowsPerSecond);
        ArgumentOutOfRangeException.ThrowIfZero(seed);
        _time = time;
        _sampledRowsPerSecond = sampledRowsPerSecond;
        _random = seed;
        _longestWindow = time.TimestampFrequency;
        _windowStart = time.GetTimestamp();
    }

    /// <summary>Rows per picked row at the moment (1: every row).</summary>
    public int Stride { get; private set; } = 1;

    /// <summary>Called once per row: true when only the row itself is counted, not its values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Skips() => --_countdown > 0;

    /// <summary>The weight of the row <see cref="Skips"/> just picked; draws the gap to the next pick.</summary>
    public int Take()
    {
        var weight = _weight;
        if (_sampledRowsPerSecond > 0)
        {
            Adapt();

            // The weight is the stride the gap was drawn with, even when the stride changes before the pick.
            _gap = 1 + (int)(((ulong)NextRandom() * (uint)((2 * Stride) - 1)) >> 32);
            _weight = Stride;
        }

        _countdown = _gap;
        return weight;
    }

    /// <summary>
    /// Closes the window when it is full and sets the stride from its rate. The clock is read on every pick, not every
    /// <see cref="WindowRows"/>th: picks come no faster than about the target rate, so that costs little, and it lets a
    /// window close after a second however few picks it had, so a burst's high stride ends at the first pick a second
    /// after it (the gap drawn during the burst still runs out first; its pick's weight stands for those rows).
    /// </summary>
    private void Adapt()
    {
        var now = _time.GetTimestamp();
        var elapsed = now - _windowStart;
        _windowRows += _gap;
        if (++_windowPicks < WindowRows && elapsed < _longestWindow)
        {
            return;
        }

        Stride = StrideFor(_windowRows, elapsed);
        _windowStart = now;
        _windowRows = 0;
        _windowPicks = 0;
    }

    /// <summary>The smallest power of two that brings <paramref name="rows"/> in <paramref name="elapsed"/> ticks down to the target rate.</summary>
    private int StrideFor(long rows, long elapsed)
    {
        // A window that took no measurable time is as fast as it gets.
        var needed = elapsed <= 0 ? MaxStride : rows * (double)_time.TimestampFrequency / elapsed / _sampledRowsPerSecond;
        return needed <= 1 ? 1 : needed >= MaxStride ? MaxStride : (int)BitOperations.RoundUpToPowerOf2((uint)Math.Ceiling(needed));
    }

    /// <summary>Marsaglia's xorshift32: three shifts per pick, good enough to place gaps.</summary>
    private uint NextRandom()
    {
        var x = _random;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _random = x;
        return x;
    }
}
