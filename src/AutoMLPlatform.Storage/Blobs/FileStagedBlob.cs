using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Storage.Blobs;

/// <summary>A staged file, sealed under the process's staging key; always deleted on dispose (a commit re-seals a copy).</summary>
internal sealed class FileStagedBlob(string path, IBlobCipher cipher) : StagedBlob
{
    private string? _sha256;
    private long _size;

    public string Path { get; } = path;

    public override string Sha256 => _sha256 ?? throw new InvalidOperationException("The blob is still being staged.");

    public override long SizeBytes => _size;

    public override Task<Stream> OpenReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(cipher.DecryptStaging(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)));

    public void Complete(string sha256, long size)
    {
        _sha256 = sha256;
        _size = size;
    }

    public override ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
