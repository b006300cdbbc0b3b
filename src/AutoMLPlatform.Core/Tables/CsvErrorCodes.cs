namespace AutoMLPlatform.Core.Tables;

/// <summary>The stable error codes of <see cref="CsvFormatException"/>.</summary>
public static class CsvErrorCodes
{
    public const string Empty = "csv-empty";
    public const string HeaderOnly = "csv-header-only";
    public const string RaggedRow = "csv-ragged-row";
    public const string BadQuoting = "csv-bad-quoting";
    public const string NotUtf8 = "csv-not-utf8";
    public const string Binary = "csv-binary";
    public const string FieldTooLong = "csv-field-too-long";
    public const string TooManyFields = "csv-too-many-fields";
    public const string RecordTooLong = "csv-record-too-long";
    public const string TooManyColumns = "csv-too-many-columns";
}
