using System.Security.Cryptography;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Blobs;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Storage.Tests.Blobs;

public class FileBlobStoreTests
{
    [Test]
    public async Task Storing_the_same_bytes_twice_keeps_one_file()
    {
        using var directory = new TempDirectory();
        var store = new FileBlobStore(directory.Path);

        var first = await StageAndCommitAsync(store, "a,b\n1,2\n");
        var second = await StageAndCommitAsync(store, "a,b\n1,2\n");

        Assert.Multiple(() =>
        {
            Assert.That((first, second), Is.EqualTo((true, false)));
            Assert.That(Directory.GetFiles(directory.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".staging", StringComparison.Ordinal)).ToArray(), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task A_committed_blob_reads_back_under_its_sha256()
    {
        using var directory = new TempDirectory();
        var store = new FileBlobStore(directory.Path);
        await using var staged = await store.StageAsync(TestTables.Utf8("hello"), 100, CancellationToken.None);
        await store.CommitAsync(staged, TenantId.Default, BlobKind.Model, CancellationToken.None);

        await using var read = await store.OpenReadAsync(TenantId.Default, BlobKind.Model, staged.Sha256, CancellationToken.None);
        using var reader = new StreamReader(read);

        Assert.Multiple(() =>
        {
            Assert.That(staged.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData("hello"u8))));
            Assert.That(reader.ReadToEnd(), Is.EqualTo("hello"));
        });
    }

    [Test]
    public void Content_over_the_limit_is_refused_and_leaves_no_staging_file()
    {
        using var directory = new TempDirectory();
        var store = new FileBlobStore(directory.Path);

        Assert.ThrowsAsync<PayloadTooLargeException>(() => store.StageAsync(new MemoryStream(new byte[1000]), 999, CancellationToken.None));

        Assert.That(Directory.GetFiles(Path.Combine(directory.Path, ".staging")), Is.Empty);
    }

    [Test]
    public async Task An_uncommitted_staged_blob_is_deleted_on_dispose()
    {
        using var directory = new TempDirectory();
        var store = new FileBlobStore(directory.Path);

        await (await store.StageAsync(TestTables.Utf8("x"), 10, CancellationToken.None)).DisposeAsync();

        Assert.That(Directory.GetFiles(Path.Combine(directory.Path, ".staging")), Is.Empty);
    }

    [Test]
    public async Task The_same_bytes_of_two_tenants_are_stored_apart()
    {
        using var directory = new TempDirectory();
        var store = new FileBlobStore(directory.Path);
        await using var staged = await store.StageAsync(TestTables.Utf8("same"), 10, CancellationToken.None);
        await store.CommitAsync(staged, TenantId.Default, BlobKind.Dataset, CancellationToken.None);

        var otherHasIt = await store.ExistsAsync(TenantId.New(), BlobKind.Dataset, staged.Sha256, CancellationToken.None);

        Assert.That(otherHasIt, Is.False);
    }

    private static async Task<bool> StageAndCommitAsync(FileBlobStore store, string content)
    {
        await using var staged = await store.StageAsync(TestTables.Utf8(content), 1000, CancellationToken.None);
        return await store.CommitAsync(staged, TenantId.Default, BlobKind.Dataset, CancellationToken.None);
    }
}
