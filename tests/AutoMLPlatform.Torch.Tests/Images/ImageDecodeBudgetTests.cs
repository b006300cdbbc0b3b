using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Torch.Images;

namespace AutoMLPlatform.Torch.Tests.Images;

public class ImageDecodeBudgetTests
{
    [Test]
    public async Task Decodes_on_many_threads_never_hold_more_pixels_together_than_the_budget()
    {
        var budget = new ImageDecodeBudget(new ImageDecodeLimits { MaxPixels = 100, BudgetPixels = 250, Wait = TimeSpan.FromSeconds(30) });
        long held = 0, mostHeld = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 200; i++)
            {
                var pixels = random.Next(50, 101);
                using var lease = budget.Acquire(pixels);
                var now = Interlocked.Add(ref held, pixels);
                InterlockedMax(ref mostHeld, now);
                Thread.SpinWait(random.Next(100, 2000));
                Interlocked.Add(ref held, -pixels);
            }
        })));

        Assert.Multiple(() =>
        {
            Assert.That(Interlocked.Read(ref mostHeld), Is.LessThanOrEqualTo(250));
            Assert.That(budget.PeakPixels, Is.LessThanOrEqualTo(250));
        });
    }

    [Test]
    public void An_image_over_the_pixel_limit_is_refused_at_once()
    {
        var budget = new ImageDecodeBudget(new ImageDecodeLimits { MaxPixels = 100, BudgetPixels = 100 });

        var error = Assert.Throws<ImageTooLargeException>(() => budget.Acquire(101));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("image-too-large"));
            Assert.That(error.Kind, Is.EqualTo(ErrorKind.TooLarge));
            Assert.That(budget.PeakPixels, Is.Zero);
        });
    }

    [Test]
    public async Task A_decode_that_finds_no_room_within_the_wait_is_refused_as_busy()
    {
        var budget = new ImageDecodeBudget(new ImageDecodeLimits { MaxPixels = 100, BudgetPixels = 100, Wait = TimeSpan.FromMilliseconds(50) });
        using var holder = budget.Acquire(100);

        var error = await Task.Run(() => Assert.Throws<LimitExceededException>(() => budget.Acquire(10)));

        Assert.That(error!.ErrorCode, Is.EqualTo("image-decoding-busy"));
    }

    [Test]
    public async Task A_waiting_decode_goes_on_as_soon_as_room_is_given_back()
    {
        var budget = new ImageDecodeBudget(new ImageDecodeLimits { MaxPixels = 100, BudgetPixels = 100, Wait = TimeSpan.FromSeconds(30) });
        var holder = budget.Acquire(80);
        var waiting = Task.Run(() =>
        {
            using var lease = budget.Acquire(50);
            return true;
        });
        await Task.Delay(100);
        var finishedWhileHeld = waiting.IsCompleted;

        holder.Dispose();
        var acquired = await waiting;

        Assert.Multiple(() =>
        {
            Assert.That(finishedWhileHeld, Is.False);
            Assert.That(acquired, Is.True);
            Assert.That(budget.PeakPixels, Is.EqualTo(80));
        });
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
