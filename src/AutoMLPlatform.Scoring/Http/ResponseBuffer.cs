using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;

namespace AutoMLPlatform.Scoring.Http;

/// <summary>
/// A pooled buffer and JSON writer for one response. Answers are written here first, so an error in any row of a
/// request still becomes a clean 400 (nothing was sent), and the response goes out with a Content-Length in one write.
/// </summary>
internal sealed class ResponseBuffer
{
    /// <summary>Buffers that grew past this (a large batch) are not kept for the next request.</summary>
    private const int MaxRetainedBytes = 1 << 20;

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public ResponseBuffer() => Json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });

    public Utf8JsonWriter Json { get; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        Json.Reset(_buffer);
    }

    /// <summary>Keeps up to twice the processor count of buffers, each reset on return.</summary>
    public sealed class Policy : PooledObjectPolicy<ResponseBuffer>
    {
        public override ResponseBuffer Create() => new();

        public override bool Return(ResponseBuffer obj)
        {
            ArgumentNullException.ThrowIfNull(obj);
            if (obj._buffer.Capacity > MaxRetainedBytes)
            {
                return false;
            }

            obj.Reset();
            return true;
        }
    }
}
