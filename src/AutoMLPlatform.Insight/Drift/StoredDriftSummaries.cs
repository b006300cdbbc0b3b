using System.Collections.Concurrent;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Insight.Drift;

/// <summary>
/// A version's drift as a process that scores nothing sees it (a worker running pipelines' drift checks): the counts
/// every scoring host stored, against the version's reference, which is built on first use and kept. Needs no scoring
/// settings: only <see cref="DriftOptions.Enabled"/>, read from the same configuration section the scoring hosts read.
/// </summary>
public sealed partial class StoredDriftSummaries(DriftReferenceBuilder builder, IDriftStore store, DriftOptions options, ILogger<StoredDriftSummaries> logger)
    : IDriftSummaries
{
    private readonly ConcurrentDictionary<Key, Lazy<Task<DriftReference?>>> _references = new();

    /// <summary>The version's report from the stored counts; not monitored when drift is off or the training data cannot be read.</summary>
    public async Task<DriftReport> ReportAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var reference = options.Enabled ? await ReferenceAsync(version, cancellationToken).ConfigureAwait(false) : null;
        if (reference is null)
        {
            return DriftReportBuilder.Build(version.ModelName, version.Version, version.Inputs, null, null);
        }

        var stored = await store.ReadAsync(version.TenantId, version.ModelName, version.Version, cancellationToken).ConfigureAwait(false);
        return DriftReportBuilder.Build(version.ModelName, version.Version, version.Inputs, reference, DriftCounts.FromStored(new DriftLayout(reference), stored));
    }

    /// <inheritdoc />
    public async Task<DriftSummary?> SummarizeAsync(ModelVersion version, CancellationToken cancellationToken) =>
        DriftReportBuilder.Summarize(await ReportAsync(version, cancellationToken).ConfigureAwait(false));

    private async Task<DriftReference?> ReferenceAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        var key = new Key(version.TenantId, version.ModelName, version.Version);
        var lazy = _references.GetOrAdd(key, _ => new Lazy<Task<DriftReference?>>(() => BuildAsync(version)));
        var reference = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (reference is null)
        {
            // Not kept: training data that could not be read now may be readable at the next check.
            _references.TryRemove(new KeyValuePair<Key, Lazy<Task<DriftReference?>>>(key, lazy));
        }

        return reference;
    }

    private async Task<DriftReference?> BuildAsync(ModelVersion version)
    {
        try
        {
            // Not tied to the first caller's token: a second check of the version waits on the same build.
            return await builder.BuildAsync(version, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or AutoMLPlatformException)
        {
            LogReferenceFailed(ex, version.ModelName, version.Version);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the training data of model {ModelName} version {Version} for drift failed; its drift is not monitored")]
    private partial void LogReferenceFailed(Exception exception, string modelName, int version);

    private readonly record struct Key(TenantId Tenant, string Name, int Version);
}
