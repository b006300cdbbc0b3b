using System.Security.Cryptography;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Storage.Blobs;

/// <summary>
/// Blobs as encrypted files: <c>{root}/{tenant}/{kind}/{sha[0..2]}/{sha}</c>, keyed by the SHA-256 of their plaintext,
/// sealed under the tenant's data key. Staging files live under <c>{root}/.staging</c>, sealed under a key only this
/// process holds; committing re-seals a staged file for its tenant beside its final path, then renames it into place.
/// </summary>
internal sealed class FileBlobStore : IBlobStore
{
    private const int CopyBufferSize = 81920;
    private readonly string _root;
    private readonly string _staging;
    private readonly IBlobCipher _cipher;

    public FileBlobStore(string root, IBlobCipher cipher)
    {
        _root = root;
        _cipher = cipher;
        _staging = Path.Combine(root, ".staging");
        Directory.CreateDirectory(_staging);
    }

    public async Task<StagedBlob> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = Path.Combine(_staging, Guid.NewGuid().ToString("N"));
        var staged = new FileStagedBlob(path, _cipher);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true))
            {
                await using (var sealing = _cipher.EncryptStaging(file))
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
                        await sealing.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }

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

    public async Task<bool> CommitAsync(StagedBlob staged, TenantId tenant, BlobKind kind, CancellationToken cancellationToken)
    {
        if (staged is not FileStagedBlob file)
        {
            throw new ArgumentException("The blob was staged by another store.", nameof(staged));
        }

        var target = PathOf(tenant, kind, file.Sha256);
        if (TryTouch(target))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var sealedPath = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            await ResealAsync(file, tenant, sealedPath, cancellationToken).ConfigureAwait(false);

            // Sealed and flushed beside its final path, then renamed: a crash never leaves half a blob under a hash.
            File.Move(sealedPath, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false; // another writer committed the same bytes first
        }
        finally
        {
            File.Delete(sealedPath);
        }
    }

    public async Task<Stream> OpenReadAsync(TenantId tenant, BlobKind kind, string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(tenant, kind, sha256);
        if (!File.Exists(path))
        {
            throw new BlobNotFoundException(kind, sha256);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, useAsync: true);
        return await _cipher.DecryptFromAsync(tenant, file, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> ExistsAsync(TenantId tenant, BlobKind kind, string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(PathOf(tenant, kind, sha256)));

    public Task<bool> DeleteAsync(TenantId tenant, BlobKind kind, string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(tenant, kind, sha256);
        var existed = File.Exists(path);
        File.Delete(path);
        return Task.FromResult(existed);
    }

    public Task<bool> DeleteTenantAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(_root, tenant.ToString());
        if (!Directory.Exists(directory))
        {
            return Task.FromResult(false);
        }

        Directory.Delete(directory, recursive: true);
        return Task.FromResult(true);
    }

    /// <summary>
    /// Marks stored bytes as just used, so the orphan sweep (<see cref="BlobSweep"/>) leaves them to the row about to name
    /// them; false when there is no such file (never stored, or the sweep took it a moment ago: then it is written again).
    /// </summary>
    private static bool TryTouch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private async Task ResealAsync(FileStagedBlob staged, TenantId tenant, string destination, CancellationToken cancellationToken)
    {
        await using var plain = await staged.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        await using var file = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true);
        await using (var sealing = await _cipher.EncryptToAsync(tenant, file, cancellationToken).ConfigureAwait(false))
        {
            await plain.CopyToAsync(sealing, CopyBufferSize, cancellationToken).ConfigureAwait(false);
        }

        file.Flush(flushToDisk: true);
    }

    private string PathOf(TenantId tenant, BlobKind kind, string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        }

        return Path.Combine(_root, tenant.ToString(), kind.ToString().ToLowerInvariant(), sha256[..2], sha256);
    }
}
