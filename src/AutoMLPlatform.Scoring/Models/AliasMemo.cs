using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Routing;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// Each thread's last alias lookup, so a thread serving one model request after request (the usual case) finds it
/// with three comparisons and one volatile read instead of hashing the tenant, name and alias into the cache's
/// dictionary. An entry holds only while no alias mapping changed since it was taken: <see cref="Invalidate"/> runs
/// after every change.
/// </summary>
/// <remarks>
/// Entries are indexed by <see cref="Environment.CurrentManagedThreadId"/>, so only the owning thread writes an
/// entry's lookup; <see cref="Invalidate"/> only clears an entry's model from another thread, which makes the owner
/// miss. A model found here is then leased like any other, so one retired meanwhile is refused by its reference count
/// and looked up again; one not yet retired serves the request, as a dictionary lookup just before the swap would.
/// </remarks>
internal sealed class AliasMemo
{
    private const int MaxThreadId = 256;
    private readonly Entry?[] _entries = new Entry?[MaxThreadId];
    private int _generation;

    /// <summary>The generation to pass to <see cref="Remember"/>: read it before looking the alias up.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public AliasRoute? Find(TenantId tenant, string name, string alias)
    {
        var id = Environment.CurrentManagedThreadId;
        return (uint)id < MaxThreadId && _entries[id] is { } entry && entry.Generation == Volatile.Read(ref _generation) && entry.Model is { } model
            && entry.Tenant == tenant && string.Equals(entry.Name, name, StringComparison.Ordinal) && string.Equals(entry.Alias, alias, StringComparison.Ordinal)
                ? model
                : null;
    }

    /// <summary>Remembers this thread's lookup, unless the mappings changed since <paramref name="generation"/> was read.</summary>
    public void Remember(int generation, TenantId tenant, string name, string alias, AliasRoute model)
    {
        var id = Environment.CurrentManagedThreadId;
        if ((uint)id >= MaxThreadId || generation != Volatile.Read(ref _generation))
        {
            return;
        }

        var entry = _entries[id] ??= new Entry();
        entry.Model = model;
        entry.Tenant = tenant;
        entry.Name = name;
        entry.Alias = alias;
        entry.Generation = generation;
    }

    /// <summary>Makes every entry miss, and lets go of the models they hold so none stays reachable from here once retired.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        foreach (var entry in _entries)
        {
            entry?.Model = null;
        }
    }

    private sealed class Entry
    {
        public int Generation { get; set; } = -1;

        public AliasRoute? Model { get; set; }

        public TenantId Tenant { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Alias { get; set; } = string.Empty;
    }
}
