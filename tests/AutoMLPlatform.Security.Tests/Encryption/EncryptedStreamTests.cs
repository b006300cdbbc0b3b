using System.Security.Cryptography;
using AutoMLPlatform.Security.Encryption;

namespace AutoMLPlatform.Security.Tests.Encryption;

public class EncryptedStreamTests
{
    private const int Chunk = 1024;
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(Chunk - 1)]
    [TestCase(Chunk)]
    [TestCase(Chunk + 1)]
    [TestCase(5 * Chunk + 17)]
    public void Content_of_any_length_reads_back_unchanged(int length)
    {
        var plain = RandomNumberGenerator.GetBytes(length);

        var sealedBytes = Seal(plain);

        Assert.That(Open(sealedBytes), Is.EqualTo(plain));
    }

    [Test]
    public async Task The_async_read_path_gives_the_same_bytes()
    {
        var plain = RandomNumberGenerator.GetBytes(3 * Chunk + 5);
        var sealedBytes = Seal(plain);

        await using var stream = new DecryptingStream(new MemoryStream(sealedBytes), Key);
        using var result = new MemoryStream();
        await stream.CopyToAsync(result);

        Assert.That(result.ToArray(), Is.EqualTo(plain));
    }

    [Test]
    public async Task Content_written_asynchronously_reads_back_unchanged()
    {
        var plain = RandomNumberGenerator.GetBytes(4 * Chunk + 100);
        using var output = new MemoryStream();
        await using (var stream = new EncryptingStream(output, Key, Chunk, leaveOpen: true))
        {
            for (var offset = 0; offset < plain.Length; offset += 700)
            {
                await stream.WriteAsync(plain.AsMemory(offset, Math.Min(700, plain.Length - offset)));
            }
        }

        Assert.That(Open(output.ToArray()), Is.EqualTo(plain));
    }

    [Test]
    public void The_ciphertext_does_not_contain_the_plaintext()
    {
        var plain = "Status,Income\ngood,129\nbad,131\n"u8.ToArray();

        var sealedBytes = Seal(plain);

        Assert.That(Contains(sealedBytes, "good,129"u8.ToArray()), Is.False);
    }

    [TestCase(3)]
    [TestCase(30)]
    [TestCase(24 + Chunk + 3)]
    [TestCase(-1)]
    public void Any_flipped_byte_fails_authentication(int position)
    {
        var sealedBytes = Seal(RandomNumberGenerator.GetBytes(3 * Chunk));
        var at = position < 0 ? sealedBytes.Length + position : position;
        sealedBytes[at] ^= 0x40;

        Assert.Throws<BlobAuthenticationException>(() => Open(sealedBytes));
    }

    [Test]
    public void A_blob_cut_at_a_chunk_boundary_fails_authentication()
    {
        var sealedBytes = Seal(RandomNumberGenerator.GetBytes(3 * Chunk));
        var cut = sealedBytes[..(EncryptedBlobFormat.HeaderSize + 2 * (Chunk + EncryptedBlobFormat.TagSize))];

        Assert.Throws<BlobAuthenticationException>(() => Open(cut));
    }

    [Test]
    public void Swapped_chunks_fail_authentication()
    {
        var sealedBytes = Seal(RandomNumberGenerator.GetBytes(3 * Chunk));
        var size = Chunk + EncryptedBlobFormat.TagSize;
        var first = sealedBytes.AsSpan(EncryptedBlobFormat.HeaderSize, size).ToArray();
        sealedBytes.AsSpan(EncryptedBlobFormat.HeaderSize + size, size).CopyTo(sealedBytes.AsSpan(EncryptedBlobFormat.HeaderSize));
        first.CopyTo(sealedBytes.AsSpan(EncryptedBlobFormat.HeaderSize + size));

        Assert.Throws<BlobAuthenticationException>(() => Open(sealedBytes));
    }

    [Test]
    public void Another_key_cannot_open_the_blob()
    {
        var sealedBytes = Seal("secret"u8.ToArray());

        Assert.Throws<BlobAuthenticationException>(() => Open(sealedBytes, RandomNumberGenerator.GetBytes(32)));
    }

    [Test]
    public void Plain_bytes_are_refused_as_not_encrypted()
    {
        Assert.Throws<BlobAuthenticationException>(() => Open("a,b\n1,2\n3,4\n5,6\n7,8\n9,0\n"u8.ToArray()));
    }

    private static byte[] Seal(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var stream = new EncryptingStream(output, Key, Chunk, leaveOpen: true))
        {
            // Written in odd pieces so chunk boundaries fall inside writes.
            for (var offset = 0; offset < plain.Length; offset += 333)
            {
                stream.Write(plain, offset, Math.Min(333, plain.Length - offset));
            }
        }

        return output.ToArray();
    }

    private static byte[] Open(byte[] sealedBytes, byte[]? key = null)
    {
        using var stream = new DecryptingStream(new MemoryStream(sealedBytes), key ?? Key);
        using var result = new MemoryStream();
        stream.CopyTo(result);
        return result.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
