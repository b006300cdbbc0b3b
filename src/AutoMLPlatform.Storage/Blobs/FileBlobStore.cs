using System.Security.Cryptography;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Storage.Blobs;

/// <summary>
/// Blobs as files: <c>{root}/{tenant}/{kind}/{sha[0..2]}/{sha}</c>. Staging files live under <c>{root}/.staging</c>
/// on the same file system, so the commit is an atomic rename.
/// </summary>
internal sealed class FileBlobStore : IBlobStore
{
    private const int CopyBufferSize = 81920;
    private readonly string _root;
    private readonly string _staging;

    public FileBlobStore(string root)
    {
        _root = root;
        _staging = Path.Combine(root, ".staging");
        Directory.CreateDirectory(_staging);
    }

    public async Task<StagedBlob> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = Path.Combine(_staging, Guid.NewGuid().ToString("N"));
        var staged = new FileStagedBlob(path);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true))
            {
                var buffer = new byte[CopyBufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new PayloadTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                // On disk before anyone may rename it into place: a crash must never leave a short file under a hash.
                file.Flush(flushToDisk: true);
            }

            staged.Complete(Convert.ToHexStringLower(hash.GetHashAndReset()), size);
            return staged;
        }
        catch
        {
            await staged.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<bool> CommitAsync(StagedBlob staged, TenantId tenant, BlobKind kind, CancellationToken cancellationToken)
    {
        if (staged is not FileStagedBlob file)
        {
            throw new ArgumentException("The blob was staged by another store.", nameof(staged));
        }

        var target = PathOf(tenant, kind, file.Sha256);
        if (File.Exists(target))
        {
            return Task.FromResult(false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(file.Path, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            return Task.FromResult(false); // another writer committed the same bytes first
        }

        file.MarkCommitted();
        return Task.FromResult(true);
    }

    public Task<Stream> OpenReadAsync(TenantId tenant, BlobKind kind, string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(tenant, kind, sha256);
        if (!File.Exists(path))
        {
            throw new BlobNotFoundException(kind, sha256);
        }

        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, useAsync: true));
    }

    public Task<bool> ExistsAsync(TenantId tenant, BlobKind kind, string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(PathOf(tenant, kind, sha256)));

    private string PathOf(TenantId tenant, BlobKind kind, string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        }

        return Path.Combine(_root, tenant.ToString(), kind.ToString().ToLowerInvariant(), sha256[..2], sha256);
    }
}
