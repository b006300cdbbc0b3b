using System.Buffers.Binary;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Datasets.Images;

/// <summary>
/// Counts a zip's entries before <see cref="System.IO.Compression.ZipArchive"/> reads its central directory, which it
/// keeps whole in memory (an object per entry) and reads to the end whatever the end record declares. The probe finds
/// the end record (and its ZIP64 form) as ZipArchive does, then walks the directory's fixed-size headers from the same
/// start, keeping none of them, and stops at the first limit passed: the entry count or the directory's bytes.
/// </summary>
internal static class ZipDirectoryProbe
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint EntrySignature = 0x02014b50;
    private const int EndSize = 22;
    private const int Zip64LocatorSize = 20;
    private const int Zip64EndSize = 56;
    private const int EntryHeaderSize = 46;
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// Refuses a zip over <paramref name="limits"/> (<see cref="ImageZipLimits.MaxEntries"/>,
    /// <see cref="ImageZipLimits.MaxDirectoryBytes"/>) and leaves the stream where it was. A stream that cannot seek, or
    /// has no end record, is left to ZipArchive, which says what is wrong with it.
    /// </summary>
    public static void Check(Stream zip, ImageZipLimits limits, string field)
    {
        if (!zip.CanSeek)
        {
            return;
        }

        var start = zip.Position;
        try
        {
            if (FindDirectory(zip) is not { } directory)
            {
                return;
            }

            if (directory.Entries > limits.MaxEntries)
            {
                throw TooManyEntries(directory.Entries, limits, field);
            }

            if (directory.Size > limits.MaxDirectoryBytes)
            {
                throw DirectoryTooLarge(limits, field);
            }

            Walk(zip, directory.Offset, limits, field);
        }
        finally
        {
            zip.Position = start;
        }
    }

    private static (long Entries, long Offset, long Size)? FindDirectory(Stream zip)
    {
        var length = zip.Length;
        if (length < EndSize)
        {
            return null;
        }

        var tail = (int)Math.Min(length, EndSize + ushort.MaxValue);
        var buffer = new byte[tail];
        zip.Position = length - tail;
        zip.ReadExactly(buffer);
        for (var i = tail - EndSize; i >= 0; i--)
        {
            var end = buffer.AsSpan(i);
            if (BinaryPrimitives.ReadUInt32LittleEndian(end) != EndSignature)
            {
                continue;
            }

            var disk = BinaryPrimitives.ReadUInt16LittleEndian(end[4..]);
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(end[12..]);
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);

            // ZipArchive looks for the ZIP64 record exactly when one of these fields is saturated; so do we.
            var saturated = disk == ushort.MaxValue || entries == ushort.MaxValue || offset == uint.MaxValue;
            return (saturated ? FindZip64Directory(zip, length - tail + i) : null) ?? (entries, offset, size);
        }

        return null;
    }

    private static (long Entries, long Offset, long Size)? FindZip64Directory(Stream zip, long endPosition)
    {
        if (endPosition < Zip64LocatorSize)
        {
            return null;
        }

        Span<byte> locator = stackalloc byte[Zip64LocatorSize];
        zip.Position = endPosition - Zip64LocatorSize;
        zip.ReadExactly(locator);
        var recordOffset = BinaryPrimitives.ReadInt64LittleEndian(locator[8..]);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature || recordOffset < 0 || recordOffset > zip.Length - Zip64EndSize)
        {
            return null;
        }

        Span<byte> record = stackalloc byte[Zip64EndSize];
        zip.Position = recordOffset;
        zip.ReadExactly(record);
        return BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature
            ? null
            : (BinaryPrimitives.ReadInt64LittleEndian(record[32..]), BinaryPrimitives.ReadInt64LittleEndian(record[48..]),
                BinaryPrimitives.ReadInt64LittleEndian(record[40..]));
    }

    /// <summary>Reads header after header from <paramref name="offset"/> while the signature matches, as ZipArchive does.</summary>
    private static void Walk(Stream zip, long offset, ImageZipLimits limits, string field)
    {
        if (offset < 0 || offset >= zip.Length)
        {
            return;
        }

        zip.Position = offset;
        var buffer = new byte[BufferSize];
        int filled = 0, at = 0;
        long entries = 0, bytes = 0;
        while (true)
        {
            if (filled - at < EntryHeaderSize)
            {
                buffer.AsSpan(at, filled - at).CopyTo(buffer);
                filled -= at;
                at = 0;
                filled += zip.ReadAtLeast(buffer.AsSpan(filled), EntryHeaderSize - filled, throwOnEndOfStream: false);
                if (filled < EntryHeaderSize)
                {
                    return;
                }
            }

            var header = buffer.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != EntrySignature)
            {
                return;
            }

            var size = EntryHeaderSize + (long)BinaryPrimitives.ReadUInt16LittleEndian(header[28..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[30..])
                + BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            if (++entries > limits.MaxEntries)
            {
                throw TooManyEntries(entries, limits, field);
            }

            if ((bytes += size) > limits.MaxDirectoryBytes)
            {
                throw DirectoryTooLarge(limits, field);
            }

            var buffered = filled - at;
            if (size <= buffered)
            {
                at += (int)size;
            }
            else
            {
                zip.Seek(size - buffered, SeekOrigin.Current);
                filled = at = 0;
            }
        }
    }

    private static InvalidInputException TooManyEntries(long entries, ImageZipLimits limits, string field) =>
        new(ImageZipErrorCodes.ZipTooManyEntries, $"The zip has {(entries > limits.MaxEntries + 1 ? entries.ToString(System.Globalization.CultureInfo.InvariantCulture) : "more than " + limits.MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture))} entries; at most {limits.MaxEntries} are accepted.", field);

    private static InvalidInputException DirectoryTooLarge(ImageZipLimits limits, string field) =>
        new("zip-directory-too-large", $"The zip's list of entries is larger than {limits.MaxDirectoryBytes} bytes, the limit.", field);
}
