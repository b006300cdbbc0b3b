using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// The layout of an encrypted blob: a 24-byte header, then the plaintext in chunks, each sealed with AES-256-GCM.
/// <code>
/// header: "AMLPENC1" | version (1 byte) | reserved (3 bytes) | chunk size (4, big-endian) | nonce prefix (8 random)
/// chunk i: ciphertext (chunk size bytes, fewer in the last) | tag (16)
/// nonce(i) = nonce prefix | i (4 bytes, big-endian);  AAD(i) = header | i | final flag (1 byte)
/// </code>
/// Binding the chunk index and a final flag into each chunk's authentication means reordering, dropping, appending
/// or truncating chunks fails authentication, as does any changed byte. The last chunk is the only final one;
/// empty content is one empty final chunk.
/// </summary>
internal static class EncryptedBlobFormat
{
    public const int HeaderSize = 24;
    public const int TagSize = 16;
    public const int NonceSize = 12;
    public const int DefaultChunkSize = 64 * 1024;
    public const byte Version = 1;

    private static ReadOnlySpan<byte> Magic => "AMLPENC1"u8;

    public static byte[] NewHeader(int chunkSize)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        header[8] = Version;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), chunkSize);
        RandomNumberGenerator.Fill(header.AsSpan(16, 8));
        return header;
    }

    /// <summary>Checks the header and returns the chunk size it declares.</summary>
    public static int ReadChunkSize(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderSize || !header[..8].SequenceEqual(Magic) || header[8] != Version)
        {
            throw new BlobAuthenticationException("The blob is not an encrypted AutoMLPlatform blob, or its header was altered.");
        }

        var chunkSize = BinaryPrimitives.ReadInt32BigEndian(header[12..]);
        return chunkSize is > 0 and <= 16 << 20
            ? chunkSize
            : throw new BlobAuthenticationException("The blob's header declares an impossible chunk size.");
    }

    public static void Nonce(ReadOnlySpan<byte> header, uint index, Span<byte> nonce)
    {
        header.Slice(16, 8).CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], index);
    }

    public static void AssociatedData(ReadOnlySpan<byte> header, uint index, bool final, Span<byte> aad)
    {
        header[..HeaderSize].CopyTo(aad);
        BinaryPrimitives.WriteUInt32BigEndian(aad[HeaderSize..], index);
        aad[HeaderSize + 4] = final ? (byte)1 : (byte)0;
    }

    public const int AssociatedDataSize = HeaderSize + 5;
}
