namespace AutoMLPlatform.Storage.Blobs;

/// <summary>
/// One pass over the file blob store that removes what nothing will read again, once it is older than a grace period:
/// committed blobs no live row names (a fan-out part that lost, a refused upload, an append that failed after its
/// commit, a crash between commit and row), staging files (their key died with the process that sealed them) and
/// half-written temporary files. The grace period covers work in flight: a job commits its model before it registers it.
/// <para>
/// Safe beside writers: files are listed before the references are read, and a commit that finds its bytes already
/// stored touches the file, so a blob named again meanwhile looks young. An old orphan is first renamed aside, then its
/// time is checked once more: a commit that touched it in between gets it back; one that came after the rename found
/// no file and wrote it again.
/// </para>
/// </summary>
internal sealed class BlobSweep(string root, BlobReferences references, TimeProvider time)
{
    private const string StagingDirectory = ".staging";
    private const string TrashSuffix = ".sweep";

    public async Task<BlobSweepResult> RunAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - grace;
        var staging = DeleteOld(OldFiles(Path.Combine(root, StagingDirectory), cutoff));
        var stored = StoredFiles(cutoff).ToArray();
        var partial = DeleteOld(stored.Where(f => f.Sha256 is null).Select(f => f.Path));
        var named = await references.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (orphans, orphanBytes) = (0, 0L);
        foreach (var blob in stored.Where(f => f.Sha256 is not null && !named.Contains(f.Key)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var freed = RemoveIfStillOld(blob.Path, cutoff);
            if (freed >= 0)
            {
                (orphans, orphanBytes) = (orphans + 1, orphanBytes + freed);
            }
        }

        return new BlobSweepResult(orphans, staging.Count, partial.Count, staging.Bytes + partial.Bytes + orphanBytes);
    }

    /// <summary>Every file under tenant/kind/prefix older than <paramref name="cutoff"/>: blobs (named by their hash) and anything else (partial).</summary>
    private IEnumerable<StoredFile> StoredFiles(DateTime cutoff)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var tenant in Directory.EnumerateDirectories(root).Where(d => Path.GetFileName(d) != StagingDirectory))
        {
            foreach (var kind in Directory.EnumerateDirectories(tenant))
            {
                foreach (var path in Directory.EnumerateDirectories(kind).SelectMany(p => OldFiles(p, cutoff)))
                {
                    var name = Path.GetFileName(path);
                    var sha = IsSha256(name) ? name : null;
                    yield return new StoredFile(path, sha, BlobReferences.KeyOf(Path.GetFileName(tenant), Path.GetFileName(kind), name));
                }
            }
        }
    }

    private static IEnumerable<string> OldFiles(string directory, DateTime cutoff) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory).Where(f => File.GetLastWriteTimeUtc(f) < cutoff)
            : [];

    private static (int Count, long Bytes) DeleteOld(IEnumerable<string> paths)
    {
        var (count, bytes) = (0, 0L);
        foreach (var path in paths.ToArray())
        {
            var size = SizeOf(path);
            if (size >= 0 && TryDelete(path))
            {
                (count, bytes) = (count + 1, bytes + size);
            }
        }

        return (count, bytes);
    }

    /// <summary>Removes an unnamed blob unless a commit touched it since it was listed; returns its size, or -1 when kept.</summary>
    private static long RemoveIfStillOld(string path, DateTime cutoff)
    {
        var trash = $"{path}.{Guid.NewGuid():N}{TrashSuffix}";
        try
        {
            File.Move(path, trash, overwrite: false);
        }
        catch (IOException)
        {
            return -1; // gone already (another sweeper), or busy
        }

        if (File.GetLastWriteTimeUtc(trash) >= cutoff)
        {
            try
            {
                File.Move(trash, path, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(trash); // a commit after the rename wrote the same bytes again
            }

            return -1;
        }

        var size = SizeOf(trash);
        return TryDelete(trash) ? Math.Max(size, 0) : -1;
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsSha256(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);

    private sealed record StoredFile(string Path, string? Sha256, string Key);
}
