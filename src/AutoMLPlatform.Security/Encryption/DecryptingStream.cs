using System.Security.Cryptography;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// A read-only stream over <see cref="EncryptedBlobFormat"/>: each chunk is authenticated before any of its bytes are
/// returned, so a reader never sees an altered byte; it sees a <see cref="BlobAuthenticationException"/> instead.
/// </summary>
internal sealed class DecryptingStream : Stream
{
    private readonly Stream _inner;
    private readonly AesGcm _aes;
    private readonly bool _leaveOpen;
    private byte[]? _header;
    private byte[] _cipher = [];
    private byte[] _plain = [];
    private int _plainLength;
    private int _plainPosition;
    private uint _index;
    private bool _sawFinal;
    private int _lookahead = -1;

    public DecryptingStream(Stream inner, byte[] key, bool leaveOpen = false)
    {
        _inner = inner;
        _aes = new AesGcm(key, EncryptedBlobFormat.TagSize);
        _leaveOpen = leaveOpen;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_plainPosition == _plainLength)
        {
            if (_header is null)
            {
                var header = new byte[EncryptedBlobFormat.HeaderSize];
                TakeHeader(header, ReadFully(header));
            }

            if (_sawFinal)
            {
                return 0;
            }

            var read = ReadFully(_cipher);
            OpenChunk(read, read < _cipher.Length || Remember(_inner.ReadByte()));
        }

        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_plainPosition == _plainLength)
        {
            if (_header is null)
            {
                var header = new byte[EncryptedBlobFormat.HeaderSize];
                TakeHeader(header, await ReadFullyAsync(header, cancellationToken).ConfigureAwait(false));
            }

            if (_sawFinal)
            {
                return 0;
            }

            var read = await ReadFullyAsync(_cipher, cancellationToken).ConfigureAwait(false);
            var final = read < _cipher.Length || Remember(await ReadByteAsync(cancellationToken).ConfigureAwait(false));
            OpenChunk(read, final);
        }

        return Take(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void TakeHeader(byte[] header, int read)
    {
        if (read != EncryptedBlobFormat.HeaderSize)
        {
            throw new BlobAuthenticationException("The encrypted blob is shorter than its header.");
        }

        var chunkSize = EncryptedBlobFormat.ReadChunkSize(header);
        _header = header;
        _cipher = new byte[chunkSize + EncryptedBlobFormat.TagSize];
        _plain = new byte[chunkSize];
    }

    /// <summary>Authenticates and decrypts the chunk just read; the last chunk is the one followed by nothing.</summary>
    private void OpenChunk(int read, bool final)
    {
        if (read < EncryptedBlobFormat.TagSize)
        {
            throw new BlobAuthenticationException("The encrypted blob was truncated.");
        }

        Span<byte> nonce = stackalloc byte[EncryptedBlobFormat.NonceSize];
        Span<byte> aad = stackalloc byte[EncryptedBlobFormat.AssociatedDataSize];
        EncryptedBlobFormat.Nonce(_header, _index, nonce);
        EncryptedBlobFormat.AssociatedData(_header, _index, final, aad);
        var length = read - EncryptedBlobFormat.TagSize;
        try
        {
            _aes.Decrypt(nonce, _cipher.AsSpan(0, length), _cipher.AsSpan(length, EncryptedBlobFormat.TagSize), _plain.AsSpan(0, length), aad);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new BlobAuthenticationException("The encrypted blob failed authentication: it was altered, truncated or sealed under another key.", ex);
        }

        _index = checked(_index + 1);
        _sawFinal = final;
        _plainLength = length;
        _plainPosition = 0;
    }

    private int Take(Span<byte> buffer)
    {
        var take = Math.Min(buffer.Length, _plainLength - _plainPosition);
        _plain.AsSpan(_plainPosition, take).CopyTo(buffer);
        _plainPosition += take;
        return take;
    }

    /// <summary>Keeps a look-ahead byte for the next chunk; true when there was none (the end).</summary>
    private bool Remember(int next)
    {
        _lookahead = next;
        return next < 0;
    }

    private async ValueTask<int> ReadByteAsync(CancellationToken cancellationToken)
    {
        var one = new byte[1];
        return await _inner.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0 ? -1 : one[0];
    }

    private int ReadFully(byte[] buffer)
    {
        var filled = TakeLookahead(buffer);
        int read;
        while (filled < buffer.Length && (read = _inner.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    private async ValueTask<int> ReadFullyAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = TakeLookahead(buffer);
        int read;
        while (filled < buffer.Length && (read = await _inner.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    private int TakeLookahead(byte[] buffer)
    {
        if (_lookahead < 0 || buffer.Length == 0)
        {
            return 0;
        }

        buffer[0] = (byte)_lookahead;
        _lookahead = -1;
        return 1;
    }
}
