using System.Security.Cryptography;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>A write-only stream that seals what is written into <see cref="EncryptedBlobFormat"/> on the inner stream.</summary>
internal sealed class EncryptingStream : Stream
{
    private readonly Stream _inner;
    private readonly AesGcm _aes;
    private readonly byte[] _header;
    private readonly byte[] _plain;
    private readonly byte[] _cipher;
    private readonly bool _leaveOpen;
    private int _filled;
    private uint _index;
    private bool _finished;

    public EncryptingStream(Stream inner, byte[] key, int chunkSize = EncryptedBlobFormat.DefaultChunkSize, bool leaveOpen = false)
    {
        _inner = inner;
        _aes = new AesGcm(key, EncryptedBlobFormat.TagSize);
        _header = EncryptedBlobFormat.NewHeader(chunkSize);
        _plain = new byte[chunkSize];
        _cipher = new byte[chunkSize + EncryptedBlobFormat.TagSize];
        _leaveOpen = leaveOpen;
        _inner.Write(_header);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_finished;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (buffer.Length > 0)
        {
            // A full chunk is sealed only when more data follows, so the last chunk can always be marked final.
            if (_filled == _plain.Length)
            {
                _inner.Write(_cipher, 0, SealChunk(final: false));
            }

            var take = Math.Min(buffer.Length, _plain.Length - _filled);
            buffer[..take].CopyTo(_plain.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (buffer.Length > 0)
        {
            if (_filled == _plain.Length)
            {
                var length = SealChunk(final: false);
                await _inner.WriteAsync(_cipher.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }

            var take = Math.Min(buffer.Length, _plain.Length - _filled);
            buffer.Span[..take].CopyTo(_plain.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Seals the last chunk. Must be called (or the stream disposed) for the blob to be readable.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        _inner.Write(_cipher, 0, SealChunk(final: true));
        _finished = true;
        _inner.Flush();
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            var length = SealChunk(final: true);
            _finished = true;
            await _inner.WriteAsync(_cipher.AsMemory(0, length)).ConfigureAwait(false);
            await _inner.FlushAsync().ConfigureAwait(false);
        }

        _aes.Dispose();
        if (!_leaveOpen)
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Finish();
            _aes.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Seals the buffered plaintext into <c>_cipher</c>; returns how many bytes of it to write.</summary>
    private int SealChunk(bool final)
    {
        Span<byte> nonce = stackalloc byte[EncryptedBlobFormat.NonceSize];
        Span<byte> aad = stackalloc byte[EncryptedBlobFormat.AssociatedDataSize];
        EncryptedBlobFormat.Nonce(_header, _index, nonce);
        EncryptedBlobFormat.AssociatedData(_header, _index, final, aad);
        var cipher = _cipher.AsSpan(0, _filled);
        var tag = _cipher.AsSpan(_filled, EncryptedBlobFormat.TagSize);
        _aes.Encrypt(nonce, _plain.AsSpan(0, _filled), cipher, tag, aad);
        var length = _filled + EncryptedBlobFormat.TagSize;
        _index = checked(_index + 1);
        _filled = 0;
        return length;
    }
}
