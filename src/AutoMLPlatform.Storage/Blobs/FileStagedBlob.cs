using AutoMLPlatform.Core.Blobs;

namespace AutoMLPlatform.Storage.Blobs;

/// <summary>A staged file; deleted on dispose unless it was committed (moved into place).</summary>
internal sealed class FileStagedBlob(string path) : StagedBlob
{
    private string? _sha256;
    private long _size;
    private bool _committed;

    public string Path { get; } = path;

    public override string Sha256 => _sha256 ?? throw new InvalidOperationException("The blob is still being staged.");

    public override long SizeBytes => _size;

    public override Task<Stream> OpenReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));

    public void Complete(string sha256, long size)
    {
        _sha256 = sha256;
        _size = size;
    }

    public void MarkCommitted() => _committed = true;

    public override ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            File.Delete(Path);
        }

        return ValueTask.CompletedTask;
    }
}
