using System.Security.Cryptography;
using System.Text;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Security.Encryption;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Storage.Tests.Blobs;

public class FileBlobStoreTests
{
    private const string Csv = "Status,Seniority,Home\ngood,9,rent\nbad,17,owner\n";

    [Test]
    public async Task Storing_the_same_bytes_twice_keeps_one_file()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();

        var first = await StageAndCommitAsync(fixture, tenant, Csv);
        var second = await StageAndCommitAsync(fixture, tenant, Csv);

        Assert.Multiple(() =>
        {
            Assert.That((first, second), Is.EqualTo((true, false)));
            Assert.That(CommittedFiles(fixture), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task A_committed_blob_reads_back_under_the_sha256_of_its_plaintext()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();
        await using var staged = await fixture.Store.StageAsync(TestTables.Utf8(Csv), 1000, CancellationToken.None);
        await fixture.Store.CommitAsync(staged, tenant, BlobKind.Dataset, CancellationToken.None);

        await using var read = await fixture.Store.OpenReadAsync(tenant, BlobKind.Dataset, staged.Sha256, CancellationToken.None);
        using var reader = new StreamReader(read);

        Assert.Multiple(async () =>
        {
            Assert.That(staged.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Csv)))));
            Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(Csv));
        });
    }

    [Test]
    public async Task Files_on_disk_hold_no_plaintext_row_neither_staged_nor_committed()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();
        await using var staged = await fixture.Store.StageAsync(TestTables.Utf8(Csv), 1000, CancellationToken.None);
        var stagedBytes = AllFileBytes(fixture);

        await fixture.Store.CommitAsync(staged, tenant, BlobKind.Dataset, CancellationToken.None);
        var committedBytes = AllFileBytes(fixture);

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.Latin1.GetString(stagedBytes), Does.Not.Contain("good,9,rent"));
            Assert.That(Encoding.Latin1.GetString(committedBytes), Does.Not.Contain("good,9,rent").And.Not.Contain("Seniority"));
        });
    }

    [Test]
    public async Task A_tampered_blob_fails_authentication_instead_of_reading_back_wrong()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();
        await using var staged = await fixture.Store.StageAsync(TestTables.Utf8(Csv), 1000, CancellationToken.None);
        await fixture.Store.CommitAsync(staged, tenant, BlobKind.Model, CancellationToken.None);
        var file = CommittedFiles(fixture).Single();
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^20] ^= 1;
        await File.WriteAllBytesAsync(file, bytes);

        await using var read = await fixture.Store.OpenReadAsync(tenant, BlobKind.Model, staged.Sha256, CancellationToken.None);

        Assert.ThrowsAsync<BlobAuthenticationException>(() => new StreamReader(read).ReadToEndAsync());
    }

    [Test]
    public async Task A_deleted_tenant_cannot_read_its_blobs_back()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();
        await using var staged = await fixture.Store.StageAsync(TestTables.Utf8(Csv), 1000, CancellationToken.None);
        await fixture.Store.CommitAsync(staged, tenant, BlobKind.Dataset, CancellationToken.None);

        await fixture.DeleteTenantAsync(tenant);

        Assert.ThrowsAsync<TenantGoneException>(() => fixture.Store.OpenReadAsync(tenant, BlobKind.Dataset, staged.Sha256, CancellationToken.None));
    }

    [Test]
    public async Task Content_over_the_limit_is_refused_and_leaves_no_staging_file()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();

        Assert.ThrowsAsync<PayloadTooLargeException>(() => fixture.Store.StageAsync(new MemoryStream(new byte[1000]), 999, CancellationToken.None));

        Assert.That(Directory.GetFiles(Path.Combine(fixture.Directory.Path, ".staging")), Is.Empty);
    }

    [Test]
    public async Task A_staged_blob_is_deleted_on_dispose_whether_or_not_it_was_committed()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();

        await StageAndCommitAsync(fixture, tenant, Csv);
        await (await fixture.Store.StageAsync(TestTables.Utf8("x"), 10, CancellationToken.None)).DisposeAsync();

        Assert.That(Directory.GetFiles(Path.Combine(fixture.Directory.Path, ".staging")), Is.Empty);
    }

    [Test]
    public async Task The_same_bytes_of_two_tenants_are_stored_apart()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var owner = await fixture.AddTenantAsync();
        var other = await fixture.AddTenantAsync();
        await using var staged = await fixture.Store.StageAsync(TestTables.Utf8("same"), 10, CancellationToken.None);
        await fixture.Store.CommitAsync(staged, owner, BlobKind.Dataset, CancellationToken.None);

        var otherHasIt = await fixture.Store.ExistsAsync(other, BlobKind.Dataset, staged.Sha256, CancellationToken.None);

        Assert.That(otherHasIt, Is.False);
    }

    private static async Task<bool> StageAndCommitAsync(BlobStoreFixture fixture, Core.Tenancy.TenantId tenant, string content)
    {
        await using var staged = await fixture.Store.StageAsync(TestTables.Utf8(content), 1000, CancellationToken.None);
        return await fixture.Store.CommitAsync(staged, tenant, BlobKind.Dataset, CancellationToken.None);
    }

    private static string[] CommittedFiles(BlobStoreFixture fixture) =>
        Directory.GetFiles(fixture.Directory.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".staging", StringComparison.Ordinal)).ToArray();

    private static byte[] AllFileBytes(BlobStoreFixture fixture) =>
        Directory.GetFiles(fixture.Directory.Path, "*", SearchOption.AllDirectories).SelectMany(File.ReadAllBytes).ToArray();
}
