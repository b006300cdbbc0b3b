using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Encryption;
using AutoMLPlatform.Storage.Blobs;
using AutoMLPlatform.Storage.Tenancy;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Storage.Tests.Blobs;

/// <summary>A file blob store in a temporary directory, encrypting with real tenant keys kept in a real SQLite store.</summary>
internal sealed class BlobStoreFixture : IAsyncDisposable
{
    private readonly StoreFixture _database;
    private readonly SqlTenantStore _tenants;

    private BlobStoreFixture(StoreFixture database, TempDirectory directory)
    {
        _database = database;
        Directory = directory;
        _tenants = new SqlTenantStore(database.Database, TimeProvider.System);
        Keys = new TenantKeyRing(_tenants, MasterKey.Generate());
        Store = new FileBlobStore(directory.Path, new AesGcmBlobCipher(Keys));
    }

    public TempDirectory Directory { get; }

    /// <summary>The metadata database beside the blobs (tenants, and whatever rows a test adds).</summary>
    public Storage.Database.StoreDatabase Database => _database.Database;

    public TenantKeyRing Keys { get; }

    public FileBlobStore Store { get; }

    public static async Task<BlobStoreFixture> CreateAsync() => new(await StoreFixture.CreateAsync(StorageProvider.Sqlite), new TempDirectory());

    public async Task<TenantId> AddTenantAsync(TenantId? id = null)
    {
        var tenant = new Tenant(id ?? TenantId.New(), "t", DateTimeOffset.UnixEpoch);
        await _tenants.TryCreateAsync(tenant, CancellationToken.None);
        return tenant.Id;
    }

    public Task DeleteTenantAsync(TenantId id)
    {
        Keys.Forget(id);
        return _tenants.DeleteAsync(id, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Directory.Dispose();
        await _database.DisposeAsync();
    }
}
