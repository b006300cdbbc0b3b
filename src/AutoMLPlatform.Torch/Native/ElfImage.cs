using System.Buffers.Binary;
using System.Text;

namespace AutoMLPlatform.Torch.Native;

/// <summary>
/// A 64-bit little-endian ELF file held in memory, read through its section headers: just enough of the format
/// to read and patch symbol versioning (<c>.gnu.version</c>, <c>.gnu.version_r</c>, <c>.gnu.version_d</c>).
/// Offsets and sizes are checked against the buffer, so a truncated or foreign file fails with
/// <see cref="InvalidDataException"/> instead of reading out of range.
/// </summary>
internal sealed class ElfImage
{
    public const uint SectionRela = 4;
    public const uint SectionDynamicSymbols = 11;
    public const uint SectionVersionDefinitions = 0x6ffffffd;
    public const uint SectionVersionNeeds = 0x6ffffffe;
    public const uint SectionVersionSymbols = 0x6fffffff;

    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;

    private ElfImage(byte[] bytes, IReadOnlyList<ElfSection> sections)
    {
        Bytes = bytes;
        Sections = sections;
    }

    /// <summary>The file's bytes; patches write into this array.</summary>
    public byte[] Bytes { get; }

    public IReadOnlyList<ElfSection> Sections { get; }

    public static ElfImage Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < HeaderSize || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
        {
            throw new InvalidDataException("Not an ELF file.");
        }

        if (bytes[4] != 2 || bytes[5] != 1)
        {
            throw new InvalidDataException("Only 64-bit little-endian ELF files are supported.");
        }

        var span = bytes.AsSpan();
        var sectionTable = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        if (count == 0 || entrySize < SectionHeaderSize || sectionTable <= 0 || sectionTable + (long)count * entrySize > bytes.Length)
        {
            throw new InvalidDataException("The ELF file has no readable section headers.");
        }

        var sections = new ElfSection[count];
        for (var i = 0; i < count; i++)
        {
            var header = span.Slice(checked((int)(sectionTable + (long)i * entrySize)), SectionHeaderSize);
            var section = new ElfSection(
                i,
                BinaryPrimitives.ReadUInt32LittleEndian(header[0x04..]),
                checked((long)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..])),
                checked((long)BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..])),
                BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]),
                checked((long)BinaryPrimitives.ReadUInt64LittleEndian(header[0x38..])));
            const uint noBits = 8;
            if (section.Type != noBits && section.Type != 0 && section.Offset + section.Size > bytes.Length)
            {
                throw new InvalidDataException($"ELF section {i} lies outside the file.");
            }

            sections[i] = section;
        }

        return new ElfImage(bytes, sections);
    }

    /// <summary>The first section of a type, or null (a library has at most one of each versioning section).</summary>
    public ElfSection? Find(uint type) => Sections.FirstOrDefault(s => s.Type == type);

    public IEnumerable<ElfSection> All(uint type) => Sections.Where(s => s.Type == type);

    /// <summary>The section a section links to (its string table, or its symbol table).</summary>
    public ElfSection Linked(ElfSection section) => section.Link < Sections.Count
        ? Sections[(int)section.Link]
        : throw new InvalidDataException($"ELF section {section.Index} links to a missing section.");

    /// <summary>A NUL-terminated string at <paramref name="offset"/> inside a string table section.</summary>
    public string ReadString(ElfSection table, uint offset)
    {
        if (offset >= table.Size)
        {
            throw new InvalidDataException("An ELF string offset lies outside its string table.");
        }

        var start = (int)(table.Offset + offset);
        var end = Array.IndexOf(Bytes, (byte)0, start, (int)(table.Size - offset));
        return end < 0
            ? throw new InvalidDataException("An ELF string is not terminated.")
            : Encoding.ASCII.GetString(Bytes, start, end - start);
    }

    public ushort ReadUInt16(long offset) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(offset, 2));

    public uint ReadUInt32(long offset) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(offset, 4));

    public ulong ReadUInt64(long offset) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(offset, 8));

    public void WriteUInt16(long offset, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Slice(offset, 2), value);

    private Span<byte> Slice(long offset, int length) => offset >= 0 && offset + length <= Bytes.Length
        ? Bytes.AsSpan((int)offset, length)
        : throw new InvalidDataException("An ELF structure lies outside the file.");
}

/// <summary>One section header: where its bytes are, what it links to, and the size of its entries.</summary>
internal readonly record struct ElfSection(int Index, uint Type, long Offset, long Size, uint Link, long EntrySize);
