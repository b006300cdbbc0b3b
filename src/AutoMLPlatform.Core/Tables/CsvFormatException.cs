using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Tables;

/// <summary>A delimited file that cannot be read as a table; the message names the line.</summary>
public sealed class CsvFormatException : InvalidInputException
{
    public CsvFormatException(string errorCode, string message, long line, Exception? inner = null)
        : base(errorCode, line > 0 ? $"{message} (line {line})" : message, "file", inner)
    {
        Line = line;
    }

    /// <summary>The 1-based physical line where the problem was found, or 0 when it is not tied to a line.</summary>
    public long Line { get; }
}
