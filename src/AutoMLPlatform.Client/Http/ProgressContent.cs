using System.Net;

namespace AutoMLPlatform.Client.Http;

/// <summary>
/// A request body read from the caller's stream (left open), reporting the bytes sent. A seekable stream is rewound if
/// a retry sends the body again; one that cannot seek is sent once, and its request is never retried.
/// </summary>
internal sealed class ProgressContent : HttpContent
{
    private const int ChunkBytes = 81920;
    private readonly Stream _source;
    private readonly IProgress<UploadProgress>? _progress;
    private readonly long _start;
    private bool _sent;

    public ProgressContent(Stream source, IProgress<UploadProgress>? progress)
    {
        _source = source;
        _progress = progress;
        _start = source.CanSeek ? source.Position : 0;
    }

    public bool CanResend => _source.CanSeek;

    /// <summary>True unless <paramref name="content"/> is, or holds, a body that cannot be sent twice.</summary>
    public static bool IsResendable(HttpContent? content) => content switch
    {
        ProgressContent progress => progress.CanResend,
        MultipartContent parts => parts.All(IsResendable),
        _ => true,
    };

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_sent)
        {
            _source.Position = _source.CanSeek ? _start : throw new InvalidOperationException("The upload's stream cannot seek, so it cannot be sent again.");
        }

        _sent = true;
        long? total = TryComputeLength(out var length) ? length : null;
        var buffer = new byte[ChunkBytes];
        long sent = 0;
        int read;
        _progress?.Report(new UploadProgress(0, total));
        while ((read = await _source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            sent += read;
            _progress?.Report(new UploadProgress(sent, total));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _source.CanSeek ? _source.Length - _start : 0;
        return _source.CanSeek;
    }
}
