using AutoMLPlatform.Scoring.Models;
using Microsoft.Extensions.ObjectPool;

namespace AutoMLPlatform.Scoring.Tests.Models;

public class ThreadAffinePoolTests
{
    [Test]
    public void Two_gets_on_one_thread_without_a_return_hand_out_two_items()
    {
        using var pool = new ThreadAffinePool<Item>(new Policy(), size: 4);
        pool.Return(pool.Get());

        var first = pool.Get();
        var second = pool.Get();

        Assert.That(second, Is.Not.SameAs(first));
    }

    [Test]
    public async Task An_item_a_thread_keeps_in_its_slot_is_not_handed_to_another_thread()
    {
        using var pool = new ThreadAffinePool<Item>(new Policy(), size: 4);
        using var first = new Worker();
        using var second = new Worker();
        var kept = await first.RunAsync(() => GetAndReturn(pool));

        var other = await second.RunAsync(pool.Get);

        Assert.That(other, Is.Not.SameAs(kept));
    }

    [Test]
    public async Task Threads_beyond_the_pool_size_share_the_pool_instead_of_keeping_items_of_their_own()
    {
        var policy = new Policy();
        using var pool = new ThreadAffinePool<Item>(policy, size: 1);
        using var first = new Worker();
        using var second = new Worker();
        using var third = new Worker();
        var slotted = await first.RunAsync(() => GetAndReturn(pool));

        var returned = await second.RunAsync(() => GetAndReturn(pool));
        var taken = await third.RunAsync(pool.Get);

        Assert.Multiple(() =>
        {
            Assert.That(taken, Is.SameAs(returned), "the second thread's item went back to the shared pool");
            Assert.That(policy.Created, Is.EqualTo(2));
            Assert.That(slotted, Is.Not.SameAs(returned));
        });
    }

    [Test]
    public async Task Concurrent_callers_never_hold_one_item_at_once_even_when_they_return_it_on_another_thread()
    {
        using var pool = new ThreadAffinePool<Item>(new Policy(), size: 2);
        var shared = 0;

        await Parallel.ForAsync(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            var item = pool.Get();
            Interlocked.Add(ref shared, Interlocked.Increment(ref item.Holders) == 1 ? 0 : 1);
            await Task.Yield();
            Interlocked.Decrement(ref item.Holders);
            pool.Return(item);
        });

        Assert.That(shared, Is.Zero, "times an item was handed to a second caller while the first held it");
    }

    [Test]
    public async Task Disposing_the_pool_disposes_the_items_in_thread_slots_and_in_the_shared_pool()
    {
        var pool = new ThreadAffinePool<Item>(new Policy(), size: 4);
        using var worker = new Worker();
        var slotted = await worker.RunAsync(() => GetAndReturn(pool));
        var first = pool.Get();
        var second = pool.Get();
        pool.Return(first);
        pool.Return(second);

        pool.Dispose();

        Assert.That(new[] { slotted, first, second }.Select(i => i.Disposed), Is.EqualTo(new[] { true, true, true }));
    }

    private static Item GetAndReturn(ThreadAffinePool<Item> pool)
    {
        var item = pool.Get();
        pool.Return(item);
        return item;
    }

    /// <summary>
    /// A thread of its own that lives until disposed, so no other thread gets its id (and with it its slot) meanwhile.
    /// </summary>
    private sealed class Worker : IDisposable
    {
        private readonly System.Collections.Concurrent.BlockingCollection<Action> _work = [];
        private readonly Thread _thread;

        public Worker()
        {
            _thread = new Thread(() =>
            {
                foreach (var action in _work.GetConsumingEnumerable())
                {
                    action();
                }
            });
            _thread.Start();
        }

        public Task<Item> RunAsync(Func<Item> action)
        {
            var done = new TaskCompletionSource<Item>(TaskCreationOptions.RunContinuationsAsynchronously);
            _work.Add(() => done.SetResult(action()));
            return done.Task;
        }

        public void Dispose()
        {
            _work.CompleteAdding();
            _thread.Join();
            _work.Dispose();
        }
    }

    private sealed class Item : IDisposable
    {
        public int Holders;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class Policy : PooledObjectPolicy<Item>
    {
        public int Created { get; private set; }

        public override Item Create()
        {
            Created++;
            return new Item();
        }

        public override bool Return(Item obj) => true;
    }
}
