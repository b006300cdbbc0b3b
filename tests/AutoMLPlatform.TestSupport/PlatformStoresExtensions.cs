using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.TestSupport;

/// <summary>Seeding helpers over <see cref="PlatformStores"/>.</summary>
public static class PlatformStoresExtensions
{
    /// <summary>Stores <paramref name="csv"/> as a new version of dataset <paramref name="name"/>, as an upload would.</summary>
    /// <param name="mark">Changes the profiled schema as the upload's marks would (<see cref="HashedTables.MarkHashed"/>).</param>
    public static async Task<DatasetVersion> AddDatasetAsync(this PlatformStores stores, string name, string csv, TenantId? tenant = null,
        Func<DatasetSchema, DatasetSchema>? mark = null)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var owner = tenant ?? TenantId.Default;
        var profile = await TableProfiler.ProfileAsync(TestTables.Utf8(csv), ',', CancellationToken.None);
        await using var staged = await stores.Blobs.StageAsync(TestTables.Utf8(csv), long.MaxValue, CancellationToken.None);
        await stores.Blobs.CommitAsync(staged, owner, BlobKind.Dataset, CancellationToken.None);
        return await stores.Datasets.AddVersionAsync(owner, name,
            new NewDatasetVersion(staged.Sha256, staged.SizeBytes, profile.RowCount, DatasetFormat.Csv,
                mark is null ? profile.Schema : mark(profile.Schema)), CancellationToken.None);
    }
}
