using System.Collections.Concurrent;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Drift;
using AutoMLPlatform.Scoring.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// Loaded model versions and the aliases requests named. A version loads once (concurrent first requests share the
/// load). An alias maps straight to its loaded model, so a request costs one lookup and one reference count.
/// <see cref="RefreshAliasesAsync"/> loads and warms a moved alias's new version first, swaps the mapping in one
/// write, then retires the old version: the cache drops its reference and the engines are disposed when the last
/// in-flight request holding a lease on it ends. No request ever sees a half-loaded or disposed model.
/// An alias's traffic split (canary, shadow) is part of what it resolves to (<see cref="AliasRoute"/>) and follows the
/// same path: read with the alias, its versions loaded before the swap, picked per request from memory.
/// </summary>
public sealed partial class ModelCache(IModelRegistry registry, ModelLoader loader, DriftMonitor drift, IOptions<ScoringOptions> options, ILogger<ModelCache> logger)
{
    private readonly ConcurrentDictionary<VersionKey, Lazy<Task<ScoringModel>>> _versions = new();
    private readonly ConcurrentDictionary<AliasKey, AliasRoute> _aliases = new();
    private readonly AliasMemo _memo = new();

    /// <summary>The models loaded now, for metadata and readiness.</summary>
    public IReadOnlyList<ScoringModel> Loaded =>
        _versions.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully).Select(l => l.Value.Result).ToArray();

    /// <summary>Takes a lease on the version <paramref name="selector"/> picks; throws <see cref="ModelNotFoundException"/> if there is none.</summary>
    public ValueTask<ScoringModelLease> AcquireAsync(TenantId tenant, string name, ModelSelector selector, CancellationToken cancellationToken) =>
        TryAcquireLoaded(tenant, name, selector, out var lease) ? ValueTask.FromResult(lease) : AcquireSlowAsync(tenant, name, selector, cancellationToken);

    /// <summary>Re-resolves every alias requests have used; loads, warms and swaps in versions that moved, then retires what nothing needs.</summary>
    public async Task RefreshAliasesAsync(CancellationToken cancellationToken)
    {
        foreach (var (alias, current) in _aliases.ToArray())
        {
            var target = await registry.FindAliasAsync(alias.Tenant, alias.Name, alias.Alias, cancellationToken).ConfigureAwait(false);
            if (target is null)
            {
                _aliases.TryRemove(new KeyValuePair<AliasKey, AliasRoute>(alias, current));
                _memo.Invalidate();
                RetireRoute(current);
                continue;
            }

            if (current.Matches(target.Version, target.Split))
            {
                continue;
            }

            var next = await BuildRouteAsync(alias, target, cancellationToken).ConfigureAwait(false);
            _aliases[alias] = next;
            _memo.Invalidate();
            if (current.Main != next.Main)
            {
                LogSwapped(alias.Name, alias.Alias, current.Main.Version.Version, next.Main.Version.Version);
            }

            if (current.Split != next.Split)
            {
                LogSplitChanged(alias.Name, alias.Alias, next.Split.CanaryVersion, next.Split.CanaryPercent, next.Split.ShadowVersion);
            }

            RetireRoute(current);
        }

        await RetireDeletedAsync(cancellationToken).ConfigureAwait(false);
        UnloadUnused();
    }

    /// <summary>Unloads versions no alias points at whose last explicit request is older than <see cref="ScoringOptions.IdleUnloadAfter"/>.</summary>
    public void UnloadUnused()
    {
        foreach (var lazy in _versions.Values.ToArray())
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                RetireIfUnused(lazy.Value.Result);
            }
        }
    }

    /// <summary>
    /// The synchronous path every warm request takes: the thread's last alias lookup (<see cref="AliasMemo"/>) or one
    /// dictionary lookup, and one reference count; no allocation.
    /// </summary>
    private bool TryAcquireLoaded(TenantId tenant, string name, ModelSelector selector, out ScoringModelLease lease)
    {
        ScoringModel? model;
        ScoringModel? shadow = null;
        if (selector.Version is { } version)
        {
            model = _versions.TryGetValue(new VersionKey(tenant, name, version), out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
                ? lazy.Value.Result
                : null;
            model?.MarkExplicitUse();
        }
        else
        {
            var route = _memo.Find(tenant, name, selector.Alias);
            if (route is null)
            {
                var generation = _memo.Generation;
                if (_aliases.TryGetValue(new AliasKey(tenant, name, selector.Alias), out route))
                {
                    _memo.Remember(generation, tenant, name, selector.Alias, route);
                }
            }

            (model, shadow) = Pick(route, selector);
        }

        lease = model is not null && model.TryAcquire() ? new ScoringModelLease(model, shadow) : default;
        return lease.Model is not null;
    }

    private static (ScoringModel? Model, ScoringModel? Shadow) Pick(AliasRoute? route, ModelSelector selector) =>
        route is null ? (null, null) : selector.Routed ? (route.Pick(selector.RoutingKey), route.Shadow) : (route.Main, null);

    private async ValueTask<ScoringModelLease> AcquireSlowAsync(TenantId tenant, string name, ModelSelector selector, CancellationToken cancellationToken)
    {
        while (true)
        {
            ScoringModel model;
            ScoringModel? shadow = null;
            if (selector.Version is { } version)
            {
                model = await GetOrLoadAsync(new VersionKey(tenant, name, version), cancellationToken).ConfigureAwait(false);
                model.MarkExplicitUse();
            }
            else
            {
                var route = await ResolveAliasAsync(new AliasKey(tenant, name, selector.Alias), cancellationToken).ConfigureAwait(false);
                model = selector.Routed ? route.Pick(selector.RoutingKey) : route.Main;
                shadow = selector.Routed ? route.Shadow : null;
            }

            if (model.TryAcquire())
            {
                return new ScoringModelLease(model, shadow);
            }

            // Retired between lookup and acquire (its alias just moved): look again.
            if (TryAcquireLoaded(tenant, name, selector, out var lease))
            {
                return lease;
            }
        }
    }

    private async Task<AliasRoute> ResolveAliasAsync(AliasKey alias, CancellationToken cancellationToken)
    {
        if (_aliases.TryGetValue(alias, out var known) && !known.IsReleased)
        {
            return known;
        }

        var target = await registry.FindAliasAsync(alias.Tenant, alias.Name, alias.Alias, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            throw await registry.FindModelAsync(alias.Tenant, alias.Name, cancellationToken).ConfigureAwait(false) is null
                ? ModelNotFoundException.Model(alias.Name)
                : ModelNotFoundException.Alias(alias.Name, alias.Alias);
        }

        var route = await BuildRouteAsync(alias, target, cancellationToken).ConfigureAwait(false);
        var mapped = _aliases.AddOrUpdate(alias, route, (_, existing) => existing.IsReleased ? route : existing);
        _memo.Invalidate();
        return mapped;
    }

    /// <summary>Loads (or finds loaded) every version the alias names, the split's too, before anything routes to them.</summary>
    private async Task<AliasRoute> BuildRouteAsync(AliasKey alias, AliasTarget target, CancellationToken cancellationToken)
    {
        var main = await GetOrLoadAsync(new VersionKey(alias.Tenant, alias.Name, target.Version), cancellationToken).ConfigureAwait(false);
        var canary = target.Split.CanaryVersion is { } c
            ? await GetOrLoadAsync(new VersionKey(alias.Tenant, alias.Name, c), cancellationToken).ConfigureAwait(false)
            : null;
        var shadow = target.Split.ShadowVersion is { } s
            ? await GetOrLoadAsync(new VersionKey(alias.Tenant, alias.Name, s), cancellationToken).ConfigureAwait(false)
            : null;
        return new AliasRoute(alias.Name, alias.Alias, main, target.Split, canary, shadow);
    }

    /// <summary>Retires each model of a route that was replaced, unless another route (or a recent explicit request) still needs it.</summary>
    private void RetireRoute(AliasRoute route)
    {
        RetireIfUnused(route.Main);
        if (route.Canary is { } canary)
        {
            RetireIfUnused(canary);
        }

        if (route.Shadow is { } shadow)
        {
            RetireIfUnused(shadow);
        }
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
        // The drift reference is built in the background: the first answer does not wait for the training data to be read.
        model.AttachDrift(drift.SinkFor(version));
        LogLoaded(key.Name, key.Version);
        return model;
    }

    /// <summary>A version deleted from the registry stops answering at once, even if requests named it recently.</summary>
    private async Task RetireDeletedAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, lazy) in _versions.ToArray())
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully &&
                await registry.FindVersionAsync(key.Tenant, key.Name, key.Version, cancellationToken).ConfigureAwait(false) is null &&
                _versions.TryRemove(new KeyValuePair<VersionKey, Lazy<Task<ScoringModel>>>(key, lazy)))
            {
                _memo.Invalidate();
                lazy.Value.Result.Release();
                LogRetired(key.Name, key.Version);
            }
        }
    }

    /// <summary>
    /// Drops the cache's reference to <paramref name="model"/> unless an alias still points at it or a request named its
    /// version within <see cref="ScoringOptions.IdleUnloadAfter"/>. Leases in flight keep it alive until they end.
    /// </summary>
    private void RetireIfUnused(ScoringModel model)
    {
        // 0 is "never named": on a machine up for less than the idle time, the threshold is below 0 and would keep every version.
        var idleBefore = Environment.TickCount64 - (long)options.Value.IdleUnloadAfter.TotalMilliseconds;
        var lastExplicitUse = model.LastExplicitUseTicks;
        if (_aliases.Values.Any(r => r.Uses(model)) || (lastExplicitUse != 0 && lastExplicitUse > idleBefore))
        {
            return;
        }

        var key = new VersionKey(model.Version.TenantId, model.Version.ModelName, model.Version.Version);
        if (_versions.TryGetValue(key, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && lazy.Value.Result == model
            && _versions.TryRemove(new KeyValuePair<VersionKey, Lazy<Task<ScoringModel>>>(key, lazy)))
        {
            model.Release();
            LogRetired(key.Name, key.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {ModelName} version {Version}")]
    private partial void LogLoaded(string modelName, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alias {Alias} of model {ModelName} moved from version {From} to {To}; swapped")]
    private partial void LogSwapped(string modelName, string alias, int from, int to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alias {Alias} of model {ModelName} now splits traffic: canary {Canary} at {Percent} %, shadow {Shadow}")]
    private partial void LogSplitChanged(string modelName, string alias, int? canary, double percent, int? shadow);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retired model {ModelName} version {Version}; it is released when its last request ends")]
    private partial void LogRetired(string modelName, int version);

    private readonly record struct VersionKey(TenantId Tenant, string Name, int Version);

    private readonly record struct AliasKey(TenantId Tenant, string Name, string Alias);
}
