using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// The pixels a process may be decoding at once, shared by every image model it loaded (one DI singleton): a decode
/// takes its image's pixels before it allocates anything and gives them back when done, so concurrent requests cannot
/// together take memory past <see cref="ImageDecodeLimits.BudgetPixels"/> (about 5.4 bytes a pixel: RGBA plus the
/// mipmaps of resizing). A decode that finds no room waits up to <see cref="ImageDecodeLimits.Wait"/>, then is refused
/// with 429 <c>image-decoding-busy</c>; one over <see cref="ImageDecodeLimits.MaxPixels"/> is refused at once (413).
/// </summary>
public sealed class ImageDecodeBudget
{
    private readonly object _gate = new();
    private long _inUse;
    private long _peak;

    public ImageDecodeBudget(ImageDecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxPixels, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.BudgetPixels, limits.MaxPixels, nameof(limits));
        Limits = limits;
    }

    public ImageDecodeLimits Limits { get; }

    /// <summary>The most pixels held at once since this budget was made.</summary>
    public long PeakPixels
    {
        get
        {
            lock (_gate)
            {
                return _peak;
            }
        }
    }

    /// <summary>Takes <paramref name="pixels"/> from the budget, waiting for room; dispose the lease to give them back.</summary>
    /// <exception cref="ImageTooLargeException">The image is larger than <see cref="ImageDecodeLimits.MaxPixels"/>.</exception>
    /// <exception cref="LimitExceededException">No room came within <see cref="ImageDecodeLimits.Wait"/>.</exception>
    public Lease Acquire(long pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixels);
        if (pixels > Limits.MaxPixels)
        {
            throw new ImageTooLargeException(pixels, Limits.MaxPixels);
        }

        var deadline = Environment.TickCount64 + (long)Limits.Wait.TotalMilliseconds;
        lock (_gate)
        {
            // An image alone always fits (MaxPixels <= BudgetPixels), so a waiter is only ever waiting for others to finish.
            while (_inUse > 0 && _inUse + pixels > Limits.BudgetPixels)
            {
                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || !Monitor.Wait(_gate, TimeSpan.FromMilliseconds(remaining)))
                {
                    throw new LimitExceededException(ImageDecodingErrorCodes.ImageDecodingBusy,
                        $"Other predictions are decoding {_inUse} pixels of the {Limits.BudgetPixels} this server decodes at once; retry shortly.",
                        TimeSpan.FromSeconds(1));
                }
            }

            _inUse += pixels;
            _peak = Math.Max(_peak, _inUse);
        }

        return new Lease(this, pixels);
    }

    private void Release(long pixels)
    {
        lock (_gate)
        {
            _inUse -= pixels;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Pixels taken from a budget until disposed.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly ImageDecodeBudget? _budget;
        private readonly long _pixels;

        internal Lease(ImageDecodeBudget budget, long pixels)
        {
            _budget = budget;
            _pixels = pixels;
        }

        public void Dispose() => _budget?.Release(_pixels);
    }
}
