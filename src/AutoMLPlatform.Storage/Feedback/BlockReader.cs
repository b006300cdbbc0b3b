using System.Buffers.Binary;
using System.Text;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>Reads back what <see cref="BlockWriter"/> wrote, in the same order.</summary>
internal ref struct BlockReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    public byte Byte() => Take(1)[0];

    public int Count()
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var next = Byte();
            value |= (next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A prediction block holds a malformed count.");
    }

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public Guid Guid() => new(Take(16));

    public string Text() => Encoding.UTF8.GetString(Take(Count()));

    /// <summary>Moves past a text without decoding it.</summary>
    public void SkipText() => Take(Count());

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
