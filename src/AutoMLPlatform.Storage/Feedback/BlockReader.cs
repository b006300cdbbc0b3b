using System.Buffers.Binary;
using System.Text;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>Reads back what <see cref="BlockWriter"/> wrote, in the same order.</summary>
internal ref struct BlockReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    public byte Byte() => Take(1)[0];

    public int Count() => Varint() is var value && value <= int.MaxValue
        ? (int)value
        : throw new InvalidDataException("A prediction block holds a malformed count.");

    public long Signed()
    {
        var zigzag = Varint();
        return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
    }

    public ReadOnlySpan<byte> Bytes(int count) => Take(count);

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public Guid Guid() => new(Take(16));

    public string Text() => Encoding.UTF8.GetString(Take(Count()));

    private ulong Varint()
    {
        var value = 0UL;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var next = Byte();
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A prediction block holds a malformed number.");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _at + count > _bytes.Length)
        {
            throw new InvalidDataException("A prediction block ends early.");
        }

        var span = _bytes.Slice(_at, count);
        _at += count;
        return span;
    }
}
