using Microsoft.Extensions.ObjectPool;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// A shared pool with one slot per thread in front of it. A request rents and returns its session on the same thread
/// (the JSON, OIP and explain paths do both without an await between), so the thread's own slot serves it with plain
/// reads and writes: no interlocked operation, no cache line written by other cores, and the thread keeps reusing an
/// engine whose buffers are already in its cache. The shared pool serves a thread whose slot is empty (it is inside
/// another request, or has no slot) and takes what a full slot cannot hold.
/// </summary>
/// <remarks>
/// Slots are indexed by <see cref="Environment.CurrentManagedThreadId"/>, so only the thread holding that id reads or
/// writes a slot. The runtime hands a dead thread's id to the next new thread, so a thread pool that grows and shrinks
/// reuses slots rather than leaving items behind in dead threads' storage. Only the first <c>size</c> ids that return
/// an item get a slot, so at most twice <c>size</c> items are kept. An item is in exactly one place: a slot, the
/// shared pool or a caller's hands. <see cref="Dispose"/> disposes every kept item; call it only once no caller holds
/// one and no call is running, which the model's reference count guarantees (every rent happens under a lease, and the
/// last release is an interlocked operation, so every thread's last write to its slot is visible to it).
/// </remarks>
internal sealed class ThreadAffinePool<T> : IDisposable
    where T : class, IDisposable
{
    /// <summary>Threads with higher ids use the shared pool only; a server's pool threads have far lower ones.</summary>
    private const int MaxThreadId = 256;

    private readonly ObjectPool<T> _shared;

    // Structs, not a T[]: storing into an array of a reference type checks the item's type on every write.
    private readonly Slot[] _slots = new Slot[MaxThreadId];
    private readonly int _maxSlots;
    private int _slotsGranted;

    public ThreadAffinePool(PooledObjectPolicy<T> policy, int size)
    {
        _shared = new DefaultObjectPoolProvider { MaximumRetained = size }.Create(policy);
        _maxSlots = size;
    }

    public T Get()
    {
        var id = Environment.CurrentManagedThreadId;
        if ((uint)id < MaxThreadId && _slots[id].Item is { } item)
        {
            _slots[id].Item = null;
            return item;
        }

        return _shared.Get();
    }

    public void Return(T item)
    {
        var id = Environment.CurrentManagedThreadId;
        if ((uint)id < MaxThreadId && _slots[id].Item is null && (_slots[id].Granted || Grant(id)))
        {
            _slots[id].Item = item;
            return;
        }

        _shared.Return(item);
    }

    public void Dispose()
    {
        foreach (var slot in _slots)
        {
            slot.Item?.Dispose();
        }

        (_shared as IDisposable)?.Dispose();
    }

    /// <summary>Gives thread <paramref name="id"/> a slot while fewer than the pool's size were given out.</summary>
    private bool Grant(int id)
    {
        if (Volatile.Read(ref _slotsGranted) >= _maxSlots || Interlocked.Increment(ref _slotsGranted) > _maxSlots)
        {
            return false;
        }

        _slots[id].Granted = true;
        return true;
    }

    private struct Slot
    {
        public T? Item;
        public bool Granted;
    }
}
