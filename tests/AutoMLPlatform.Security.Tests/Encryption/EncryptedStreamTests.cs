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

    [Test]
    public void Over_a_seekable_source_any_position_reads_the_bytes_that_reading_through_gives()
    {
        var plain = RandomNumberGenerator.GetBytes(7 * Chunk + 123);
        using var stream = new DecryptingStream(new MemoryStream(Seal(plain)), Key);
        var random = new Random(3);
        var positions = Enumerable.Range(0, 40).Select(_ => random.Next(plain.Length)).Append(0).Append(plain.Length - 1).Append(3 * Chunk).ToArray();

        var read = positions.Select(position =>
        {
            stream.Position = position;
            var buffer = new byte[Math.Min(700, plain.Length - position)];
            stream.ReadExactly(buffer);
            return buffer;
        }).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(stream.CanSeek, Is.True);
            Assert.That(stream.Length, Is.EqualTo(plain.Length));
            Assert.That(read, Is.EqualTo(positions.Select(p => plain.AsSpan(p, Math.Min(700, plain.Length - p)).ToArray()).ToArray()));
        });
    }

    [Test]
    public void Seeking_to_the_end_reads_nothing_and_seeking_back_reads_again()
    {
        var plain = RandomNumberGenerator.GetBytes(2 * Chunk + 9);
        using var stream = new DecryptingStream(new MemoryStream(Seal(plain)), Key);

        stream.Seek(0, SeekOrigin.End);
        var atEnd = stream.Read(new byte[10]);
        stream.Seek(-9, SeekOrigin.End);
        var tail = new byte[9];
        stream.ReadExactly(tail);

        Assert.Multiple(() =>
        {
            Assert.That(atEnd, Is.Zero);
            Assert.That(tail, Is.EqualTo(plain[^9..]));
            Assert.That(stream.Position, Is.EqualTo(plain.Length));
        });
    }

    [Test]
    public void A_chunk_read_after_a_seek_is_still_authenticated()
    {
        var sealedBytes = Seal(RandomNumberGenerator.GetBytes(4 * Chunk));
        sealedBytes[EncryptedBlobFormat.HeaderSize + (2 * (Chunk + EncryptedBlobFormat.TagSize)) + 5] ^= 0x01;
        using var stream = new DecryptingStream(new MemoryStream(sealedBytes), Key);

        stream.Position = (2 * Chunk) + 1;

        Assert.Throws<BlobAuthenticationException>(() => stream.ReadExactly(new byte[4]));
    }

    [Test]
    public void Over_a_source_that_cannot_seek_it_reads_through_and_still_detects_a_cut()
    {
        var plain = RandomNumberGenerator.GetBytes(3 * Chunk);
        var sealedBytes = Seal(plain);
        var cut = sealedBytes[..(EncryptedBlobFormat.HeaderSize + 2 * (Chunk + EncryptedBlobFormat.TagSize))];

        using var whole = new DecryptingStream(new ForwardOnlyStream(sealedBytes), Key);
        using var result = new MemoryStream();
        whole.CopyTo(result);

        Assert.Multiple(() =>
        {
            Assert.That(whole.CanSeek, Is.False);
            Assert.That(result.ToArray(), Is.EqualTo(plain));
            Assert.Throws<BlobAuthenticationException>(() => new DecryptingStream(new ForwardOnlyStream(cut), Key).CopyTo(Stream.Null));
        });
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

    /// <summary>A source that can only be read forward, as a network stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
