using System.Collections.Concurrent;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// Loaded model versions and the aliases requests named. A version loads once (concurrent first requests share the
/// load); an alias maps to a version until <see cref="RefreshAliasesAsync"/> sees it moved, loads and warms the new
/// version first, then swaps the mapping. Requests in flight keep their old version alive through their lease.
/// </summary>
public sealed partial class ModelCache(IModelRegistry registry, ModelLoader loader, IOptions<ScoringOptions> options, ILogger<ModelCache> logger)
{
    private readonly ConcurrentDictionary<VersionKey, Lazy<Task<ScoringModel>>> _versions = new();
    private readonly ConcurrentDictionary<AliasKey, VersionKey> _aliases = new();

    /// <summary>Takes a lease on the version <paramref name="selector"/> picks; throws <see cref="ModelNotFoundException"/> if there is none.</summary>
    public async ValueTask<ScoringModelLease> AcquireAsync(TenantId tenant, string name, ModelSelector selector, CancellationToken cancellationToken)
    {
        while (true)
        {
            var key = await ResolveAsync(tenant, name, selector, cancellationToken).ConfigureAwait(false);
            var model = await GetOrLoadAsync(key, cancellationToken).ConfigureAwait(false);
            if (model.TryAcquire())
            {
                return new ScoringModelLease(model);
            }

            // Retired between lookup and acquire (its alias just moved): look again.
        }
    }

    /// <summary>Re-resolves every alias requests have used; loads, warms and swaps in versions that moved, then unloads what nothing needs.</summary>
    public async Task RefreshAliasesAsync(CancellationToken cancellationToken)
    {
        foreach (var (alias, current) in _aliases.ToArray())
        {
            var resolved = await registry.ResolveAliasAsync(alias.Tenant, alias.Name, alias.Alias, cancellationToken).ConfigureAwait(false);
            if (resolved is null)
            {
                _aliases.TryRemove(alias, out _);
                continue;
            }

            var next = new VersionKey(alias.Tenant, alias.Name, resolved.Version);
            if (next == current)
            {
                continue;
            }

            await GetOrLoadAsync(next, cancellationToken).ConfigureAwait(false);
            _aliases[alias] = next;
            LogSwapped(alias.Name, alias.Alias, current.Version, next.Version);
        }

        UnloadUnused();
    }

    private async ValueTask<VersionKey> ResolveAsync(TenantId tenant, string name, ModelSelector selector, CancellationToken cancellationToken)
    {
        if (selector.Version is { } version)
        {
            return new VersionKey(tenant, name, version);
        }

        var alias = new AliasKey(tenant, name, selector.Alias);
        if (_aliases.TryGetValue(alias, out var known))
        {
            return known;
        }

        var resolved = await registry.ResolveAliasAsync(tenant, name, selector.Alias, cancellationToken).ConfigureAwait(false);
        if (resolved is null)
        {
            throw await registry.FindModelAsync(tenant, name, cancellationToken).ConfigureAwait(false) is null
                ? ModelNotFoundException.Model(name)
                : ModelNotFoundException.Alias(name, selector.Alias);
        }

        return _aliases.GetOrAdd(alias, new VersionKey(tenant, name, resolved.Version));
    }

    private async Task<ScoringModel> GetOrLoadAsync(VersionKey key, CancellationToken cancellationToken)
    {
        var lazy = _versions.GetOrAdd(key, k => new Lazy<Task<ScoringModel>>(() => LoadAsync(k)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // A failed load is not cached: the next request tries again.
            _versions.TryRemove(new KeyValuePair<VersionKey, Lazy<Task<ScoringModel>>>(key, lazy));
            throw;
        }
    }

    private async Task<ScoringModel> LoadAsync(VersionKey key)
    {
        // Not tied to the first caller's token: other requests wait on the same load.
        var version = await registry.FindVersionAsync(key.Tenant, key.Name, key.Version, CancellationToken.None).ConfigureAwait(false)
            ?? throw (await registry.FindModelAsync(key.Tenant, key.Name, CancellationToken.None).ConfigureAwait(false) is null
                ? ModelNotFoundException.Model(key.Name)
                : ModelNotFoundException.Version(key.Name, key.Version));
        var model = await loader.LoadAsync(version, CancellationToken.None).ConfigureAwait(false);
        LogLoaded(key.Name, key.Version);
        return model;
    }

    /// <summary>Unloads versions no alias points at that have had no request for <see cref="ScoringOptions.IdleUnloadAfter"/>.</summary>
    public void UnloadUnused()
    {
        var pinned = _aliases.Values.ToHashSet();
        var idleBefore = Environment.TickCount64 - (long)options.Value.IdleUnloadAfter.TotalMilliseconds;
        foreach (var (key, lazy) in _versions.ToArray())
        {
            if (pinned.Contains(key) || !lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully || lazy.Value.Result.LastUsedTicks > idleBefore)
            {
                continue;
            }

            if (_versions.TryRemove(new KeyValuePair<VersionKey, Lazy<Task<ScoringModel>>>(key, lazy)))
            {
                lazy.Value.Result.Release(); // the cache's own reference; in-flight leases keep it alive until they end
                LogUnloaded(key.Name, key.Version);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {ModelName} version {Version}")]
    private partial void LogLoaded(string modelName, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alias {Alias} of model {ModelName} moved from version {From} to {To}; swapped")]
    private partial void LogSwapped(string modelName, string alias, int from, int to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unloaded model {ModelName} version {Version}")]
    private partial void LogUnloaded(string modelName, int version);

    private readonly record struct VersionKey(TenantId Tenant, string Name, int Version);

    private readonly record struct AliasKey(TenantId Tenant, string Name, string Alias);
}
