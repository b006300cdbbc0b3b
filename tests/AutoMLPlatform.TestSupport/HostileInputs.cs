using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AutoMLPlatform.TestSupport;

/// <summary>
/// The inputs of the memory-bound tests, made in code in a second or two: images whose header declares a gigantic
/// picture, a zip of a million empty entries, CSV lines of millions of fields, tables of a million columns.
/// </summary>
public static class HostileInputs
{
    private const int ZeroChunk = 4 << 20;

    /// <summary>
    /// A complete, valid RGB PNG of <paramref name="width"/> x <paramref name="height"/> black pixels. Its scanlines are all
    /// zero bytes, so the deflate stream is one compressed chunk of zeros repeated (each chunk ends on a sync flush and
    /// needs no history): 30,000 x 30,000 (2.7 GB of pixels) comes to about 2.6 MB, made in well under a second.
    /// </summary>
    public static byte[] BlackPng(int width, int height)
    {
        var raw = (long)height * (1 + (3L * width));
        using var idat = new MemoryStream();
        idat.Write([0x78, 0x01]);
        var full = Deflated(ZeroChunk);
        for (var left = raw; left > 0; left -= ZeroChunk)
        {
            idat.Write(left >= ZeroChunk ? full : Deflated((int)left));
        }

        idat.Write([0x03, 0x00]); // an empty final block with fixed codes
        Span<byte> adler = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(adler, (uint)((raw % 65521) << 16) | 1u); // Adler-32 of zeros: A = 1, B = n
        idat.Write(adler);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour (RGB)
        return Png(header, idat.ToArray());
    }

    /// <summary>
    /// A PNG whose header declares <paramref name="width"/> x <paramref name="height"/> RGB pixels but whose data holds only
    /// the first few megabytes of zero rows: a few kilobytes that claim gigabytes.
    /// </summary>
    public static byte[] HeaderOnlyPng(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        return Png(header, [0x78, 0x01, .. Deflated(ZeroChunk)]);
    }

    /// <summary>
    /// A real PNG of <paramref name="width"/> x <paramref name="height"/> noise whose pixel data stops after the first
    /// <paramref name="keep"/> share (its chunks rewritten so they still parse): the header reads fine, the pixels do not.
    /// </summary>
    public static byte[] TruncatedPng(int width, int height, double keep = 0.5)
    {
        var random = new Random(5);
        var whole = TestImages.Png(width, height, (_, _) => (byte)random.Next(256));
        var idatStart = whole.AsSpan().IndexOf("IDAT"u8) - 4;
        var idatLength = BinaryPrimitives.ReadInt32BigEndian(whole.AsSpan(idatStart));
        var data = whole.AsSpan(idatStart + 8, (int)(idatLength * keep)).ToArray();
        return Png(whole.AsSpan(16, 13).ToArray(), data);
    }

    /// <summary>
    /// A zip of <paramref name="entries"/> empty stored files in one folder per two classes (ZIP64 end records when
    /// there are more than 65,535), written directly: about 100 bytes an entry.
    /// </summary>
    public static byte[] ZipOfEmptyEntries(int entries)
    {
        using var zip = new MemoryStream();
        var names = new List<(byte[] Name, long Offset)>(entries);
        Span<byte> local = stackalloc byte[30];
        Span<byte> central = stackalloc byte[46];
        for (var i = 0; i < entries; i++)
        {
            var name = Encoding.ASCII.GetBytes($"{(i % 2 == 0 ? "a" : "b")}/{i:D7}.png");
            names.Add((name, zip.Position));
            local.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(local[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(local[26..], (ushort)name.Length);
            zip.Write(local);
            zip.Write(name);
        }

        var directoryStart = zip.Position;
        foreach (var (name, offset) in names)
        {
            central.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(central, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(central[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(central[6..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(central[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(central[42..], (uint)offset);
            zip.Write(central);
            zip.Write(name);
        }

        var directorySize = zip.Position - directoryStart;
        var zip64End = zip.Position;
        Span<byte> end64 = stackalloc byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(end64, 0x06064b50);
        BinaryPrimitives.WriteInt64LittleEndian(end64[4..], 44);
        BinaryPrimitives.WriteUInt16LittleEndian(end64[12..], 45);
        BinaryPrimitives.WriteUInt16LittleEndian(end64[14..], 45);
        BinaryPrimitives.WriteInt64LittleEndian(end64[24..], entries);
        BinaryPrimitives.WriteInt64LittleEndian(end64[32..], entries);
        BinaryPrimitives.WriteInt64LittleEndian(end64[40..], directorySize);
        BinaryPrimitives.WriteInt64LittleEndian(end64[48..], directoryStart);
        zip.Write(end64);
        Span<byte> locator = stackalloc byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
        BinaryPrimitives.WriteInt64LittleEndian(locator[8..], zip64End);
        BinaryPrimitives.WriteUInt32LittleEndian(locator[16..], 1);
        zip.Write(locator);
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        var small = entries <= 0xFFFE;
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], small ? (ushort)entries : ushort.MaxValue);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], small ? (ushort)entries : ushort.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)directorySize);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)directoryStart);
        zip.Write(end);
        return zip.ToArray();
    }

    /// <summary>A CSV header <c>x1,x2,color</c> and then one line of <paramref name="fields"/> empty fields (commas only).</summary>
    public static byte[] CsvWithFieldFlood(int fields)
    {
        var header = "x1,x2,color\n"u8;
        var bytes = new byte[header.Length + fields];
        header.CopyTo(bytes);
        bytes.AsSpan(header.Length, fields - 1).Fill((byte)',');
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary>A table of <paramref name="columns"/> columns (<c>c0,c1,...</c>) and one row of ones.</summary>
    public static byte[] WideCsv(int columns)
    {
        var text = new StringBuilder(columns * 10);
        text.AppendJoin(',', Enumerable.Range(0, columns).Select(i => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
        text.AppendJoin(',', Enumerable.Repeat("1", columns)).Append('\n');
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static byte[] Deflated(int zeros)
    {
        using var output = new MemoryStream();
        using var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        deflate.Write(new byte[zeros]);

        // A sync flush ends the blocks on a byte boundary without a final block: such pieces can follow one another.
        deflate.Flush();
        return output.ToArray();
    }

    private static byte[] Png(byte[] header, byte[] idat)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR"u8, header);
        Chunk(png, "IDAT"u8, idat);
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. type, .. data]));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
