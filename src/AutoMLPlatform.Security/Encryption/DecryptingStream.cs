using System.Security.Cryptography;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// A read-only stream over <see cref="EncryptedBlobFormat"/>: each chunk is authenticated before any of its bytes are
/// returned, so a reader never sees an altered byte; it sees a <see cref="BlobAuthenticationException"/> instead.
/// Over a seekable source (a file) it is seekable too: chunks have a fixed size, so a position maps to one chunk, which
/// is read and authenticated alone; the last chunk (by the source's length) is the final one. A zip reader can then
/// jump to the central directory at the end instead of buffering the whole plaintext in memory. Truncation at a chunk
/// boundary is still caught by whoever reads the apparent last chunk, as a zip reader always does first.
/// </summary>
internal sealed class DecryptingStream : Stream
{
    private readonly Stream _inner;
    private readonly AesGcm _aes;
    private readonly bool _leaveOpen;
    private readonly bool _seekable;
    private readonly long _origin;
    private byte[]? _header;
    private byte[] _cipher = [];
    private byte[] _plain = [];
    private int _plainLength;
    private int _plainPosition;
    private uint _index;
    private bool _sawFinal;
    private int _lookahead = -1;
    private long _position;
    private long _chunkStart;
    private int _skip;
    private long _chunks = -1;
    private long _length = -1;

    public DecryptingStream(Stream inner, byte[] key, bool leaveOpen = false)
    {
        _inner = inner;
        _aes = new AesGcm(key, EncryptedBlobFormat.TagSize);
        _leaveOpen = leaveOpen;
        _seekable = inner.CanSeek;
        _origin = _seekable ? inner.Position : 0;
    }

    public override bool CanRead => true;
    public override bool CanSeek => _seekable;
    public override bool CanWrite => false;

    public override long Length => _seekable ? Layout().Length : throw new NotSupportedException();

    public override long Position
    {
        get => _seekable ? _position : throw new NotSupportedException();
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_plainPosition == _plainLength)
        {
            EnsureHeader();
            if (_sawFinal)
            {
                return 0;
            }

            var read = ReadFully(_cipher);
            OpenChunk(read, _seekable ? IsLastChunk() : read < _cipher.Length || Remember(_inner.ReadByte()));
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
            var final = _seekable ? IsLastChunk() : read < _cipher.Length || Remember(await ReadByteAsync(cancellationToken).ConfigureAwait(false));
            OpenChunk(read, final);
        }

        return Take(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (!_seekable)
        {
            throw new NotSupportedException();
        }

        var (length, _) = Layout();
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        if (target < 0)
        {
            // As a file would: readers such as ZipArchive expect an IOException here.
            throw new IOException("An attempt was made to move the position before the beginning of the stream.");
        }

        _position = target;
        if (target >= _chunkStart && target < _chunkStart + _plainLength)
        {
            _plainPosition = (int)(target - _chunkStart);
            return target;
        }

        // Not in the chunk at hand: the next read opens (and authenticates) the chunk that holds the target.
        _plainLength = _plainPosition = 0;
        if (target >= length)
        {
            _sawFinal = true;
            return target;
        }

        var chunkSize = _plain.Length;
        _index = checked((uint)(target / chunkSize));
        _skip = (int)(target % chunkSize);
        _sawFinal = false;
        _inner.Seek(_origin + EncryptedBlobFormat.HeaderSize + (_index * (long)_cipher.Length), SeekOrigin.Begin);
        return target;
    }

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

    private void EnsureHeader()
    {
        if (_header is null)
        {
            var header = new byte[EncryptedBlobFormat.HeaderSize];
            TakeHeader(header, ReadFully(header));
        }
    }

    /// <summary>The plaintext length and chunk count a seekable source's length implies (the last chunk may be short).</summary>
    private (long Length, long Chunks) Layout()
    {
        if (_length < 0)
        {
            EnsureHeader();
            var body = _inner.Length - _origin - EncryptedBlobFormat.HeaderSize;
            var sealedChunk = (long)_cipher.Length;
            var rest = body % sealedChunk;
            var chunks = (body / sealedChunk) + (rest == 0 ? 0 : 1);
            if (chunks == 0 || (rest != 0 && rest < EncryptedBlobFormat.TagSize))
            {
                throw new BlobAuthenticationException("The encrypted blob was truncated.");
            }

            _chunks = chunks;
            _length = body - (chunks * EncryptedBlobFormat.TagSize);
        }

        return (_length, _chunks);
    }

    private bool IsLastChunk() => _index == Layout().Chunks - 1;

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

        _chunkStart = (long)_index * _plain.Length;
        _index = checked(_index + 1);
        _sawFinal = final;
        _plainLength = length;
        _plainPosition = Math.Min(_skip, length);
        _skip = 0;
    }

    private int Take(Span<byte> buffer)
    {
        var take = Math.Min(buffer.Length, _plainLength - _plainPosition);
        _plain.AsSpan(_plainPosition, take).CopyTo(buffer);
        _plainPosition += take;
        _position += take;
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
