using System.Text;

namespace AutoMLPlatform.Core.Tables;

/// <summary>
/// Streams records out of RFC 4180 delimited text: quoted fields may hold delimiters, doubled quotes and line
/// breaks. The text must be UTF-8 (a BOM is skipped); anything else, a quote where RFC 4180 allows none, or an
/// unterminated quote is a <see cref="CsvFormatException"/> naming the line. Blank lines are skipped. A record past
/// its <see cref="CsvLimits"/> (fields, field length, record length) is refused as soon as the limit is passed, so
/// memory stays bounded whatever the input.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly StreamReader _reader;
    private readonly char _delimiter;
    private readonly CsvLimits _limits;
    private readonly StringBuilder _field = new();
    private readonly char[] _buffer = new char[BufferSize];
    private int _position;
    private int _length;
    private bool _endOfStream;
    private bool _skipLeadingNewline;
    private int _recordLength;

    public CsvReader(Stream stream, char delimiter = ',', bool leaveOpen = false, CsvLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _delimiter = delimiter;
        _limits = limits ?? CsvLimits.Default;

        // Strict UTF-8: invalid bytes throw instead of turning into U+FFFD, so a Latin-1 file is refused, not mangled.
        // With an encoder preamble the reader skips a UTF-8 BOM; detection is off so a UTF-16 file is not accepted.
        _reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen);
    }

    /// <summary>The physical line the reader is on (1-based), counting line breaks inside quoted fields.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>The physical line on which the last record returned started.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The characters of all fields of the last record returned.</summary>
    public int RecordLength => _recordLength;

    /// <summary>
    /// Reads the next record into <paramref name="fields"/> (cleared first). Returns false at the end of the input.
    /// </summary>
    public async ValueTask<bool> ReadRecordAsync(List<string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        _field.Clear();
        _recordLength = 0;
        var state = State.FieldStart;
        var sawAnything = false;
        var quoteLine = 0L;
        RecordLine = Line;

        while (true)
        {
            if (_position == _length && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (state == State.Quoted)
                {
                    throw new CsvFormatException(CsvErrorCodes.BadQuoting, "A quoted field is never closed", quoteLine);
                }

                if (!sawAnything)
                {
                    return false;
                }

                AddField(fields);
                return true;
            }

            var c = _buffer[_position++];
            if (c == '\0')
            {
                throw new CsvFormatException(CsvErrorCodes.Binary, "The file contains NUL characters; it looks binary, not delimited text", Line);
            }

            switch (state)
            {
                case State.FieldStart when c == '"':
                    sawAnything = true;
                    quoteLine = Line;
                    state = State.Quoted;
                    break;
                case State.FieldStart or State.Unquoted when c == _delimiter:
                    sawAnything = true;
                    EndField(fields);
                    state = State.FieldStart;
                    break;
                case State.FieldStart or State.Unquoted when c is '\n' or '\r':
                    ConsumeLineBreak(c);
                    if (!sawAnything)
                    {
                        RecordLine = Line; // a blank line: skip it
                        break;
                    }

                    AddField(fields);
                    return true;
                case State.FieldStart or State.Unquoted when c == '"':
                    throw new CsvFormatException(CsvErrorCodes.BadQuoting, "A quote appears inside an unquoted field; quote the whole field and double the inner quotes", Line);
                case State.FieldStart or State.Unquoted:
                    sawAnything = true;
                    Append(c);
                    state = State.Unquoted;
                    break;
                case State.Quoted when c == '"':
                    state = State.QuoteInQuoted;
                    break;
                case State.Quoted:
                    if (c == '\n')
                    {
                        Line++;
                    }

                    Append(c);
                    break;
                case State.QuoteInQuoted when c == '"':
                    Append('"');
                    state = State.Quoted;
                    break;
                case State.QuoteInQuoted when c == _delimiter:
                    EndField(fields);
                    state = State.FieldStart;
                    break;
                case State.QuoteInQuoted when c is '\n' or '\r':
                    ConsumeLineBreak(c);
                    AddField(fields);
                    return true;
                case State.QuoteInQuoted:
                    throw new CsvFormatException(CsvErrorCodes.BadQuoting, "Text follows the closing quote of a field", Line);
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private void EndField(List<string> fields)
    {
        AddField(fields);
        _field.Clear();
    }

    private void AddField(List<string> fields)
    {
        if (fields.Count >= _limits.MaxFields)
        {
            throw new CsvFormatException(CsvErrorCodes.TooManyFields, $"A record has more than {_limits.MaxFields} fields, the most one record may have", Line);
        }

        fields.Add(_field.ToString());
    }

    private void Append(char c)
    {
        if (_field.Length >= _limits.MaxFieldLength)
        {
            throw new CsvFormatException(CsvErrorCodes.FieldTooLong, $"A field is longer than {_limits.MaxFieldLength} characters", Line);
        }

        if (++_recordLength > _limits.MaxRecordLength)
        {
            throw new CsvFormatException(CsvErrorCodes.RecordTooLong, $"A record is longer than {_limits.MaxRecordLength} characters", Line);
        }

        _field.Append(c);
    }

    private void ConsumeLineBreak(char c)
    {
        // "\r\n" is one break; the '\n' may sit in the next buffer, beyond what is buffered, so a lone '\r'
        // at a buffer's end is resolved by skipping a leading '\n' on the next fill.
        if (c == '\r')
        {
            if (_position < _length)
            {
                if (_buffer[_position] == '\n')
                {
                    _position++;
                }
            }
            else
            {
                _skipLeadingNewline = true;
            }
        }

        Line++;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_endOfStream)
        {
            return false;
        }

        try
        {
            _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        catch (DecoderFallbackException ex)
        {
            throw new CsvFormatException(CsvErrorCodes.NotUtf8, "The file is not valid UTF-8 text", Line, ex);
        }

        _position = 0;
        if (_length == 0)
        {
            _endOfStream = true;
            return false;
        }

        if (_skipLeadingNewline)
        {
            _skipLeadingNewline = false;
            if (_buffer[0] == '\n')
            {
                _position = 1;
                if (_length == 1)
                {
                    return await FillAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return true;
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
}
