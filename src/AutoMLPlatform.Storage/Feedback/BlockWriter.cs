using System.Buffers.Binary;
using System.Text;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// Appends a block's values to one growing byte array (little-endian numbers, 7-bit-encoded counts and zigzag-encoded
/// signed numbers, length-prefixed UTF-8 texts). It writes to the array directly: a stream and a <see cref="BinaryWriter"/> cost a call chain per
/// value, which at a dozen values a row was most of the block's cost.
/// </summary>
internal sealed class BlockWriter(int capacity)
{
    private byte[] _buffer = new byte[Math.Max(capacity, 64)];

    public int Length { get; private set; }

    public void Byte(byte value) => Take(1)[0] = value;

    public void Count(int value) => Varint((uint)value);

    /// <summary>A signed number in as few bytes as its size needs (zigzag: 0, -1, 1, -2, … take one byte up to ±63).</summary>
    public void Signed(long value) => Varint((ulong)((value << 1) ^ (value >> 63)));

    public void Bytes(ReadOnlySpan<byte> value) => value.CopyTo(Take(value.Length));

    public void Int64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

    public void Single(float value) => BinaryPrimitives.WriteSingleLittleEndian(Take(4), value);

    public void Double(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), value);

    public void Guid(Guid value) => value.TryWriteBytes(Take(16));

    public void Text(string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        Count(bytes);
        Encoding.UTF8.GetBytes(value, Take(bytes));
    }

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    private void Varint(ulong number)
    {
        while (number >= 0x80)
        {
            Byte((byte)(number | 0x80));
            number >>= 7;
        }

        Byte((byte)number);
    }

    private Span<byte> Take(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
