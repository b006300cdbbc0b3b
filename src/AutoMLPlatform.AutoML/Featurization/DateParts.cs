using System.Globalization;

namespace AutoMLPlatform.AutoML.Featurization;

/// <summary>
/// Splits a date-time text into numbers a model can use: year, month, day, day of week, day of year, hour, minute
/// and days since 2000-01-01 (a continuous time axis). A stateless ML.NET custom mapping with a contract name, so a
/// model that uses it saves and loads like any other (the loader registers this assembly's factories).
/// Times with an offset are converted to UTC; times without one are taken as UTC, so no machine's time zone leaks in.
/// </summary>
public static class DateParts
{
    public const string ContractName = "AutoMLPlatform.DateParts.v1";

    /// <summary>The fixed column the mapping reads: each date column is copied here first.</summary>
    public const string InputColumn = "__dt_in";

    public const string PartsColumn = "__dt_parts";

    public const string MissingColumn = "__dt_missing";

    public const int PartCount = 8;

    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Fills <paramref name="output"/> from <paramref name="input"/>: every part NaN and Missing = 1 when the text is empty or not a date.</summary>
    public static void Map(DatePartsInput input, DatePartsOutput output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        // A fresh array per row: ML.NET may still hold the previous row's.
        var parts = new float[PartCount];
        if (!string.IsNullOrWhiteSpace(input.Text) && DateTime.TryParse(input.Text.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var time))
        {
            parts[0] = time.Year;
            parts[1] = time.Month;
            parts[2] = time.Day;
            parts[3] = (float)time.DayOfWeek;
            parts[4] = time.DayOfYear;
            parts[5] = time.Hour;
            parts[6] = time.Minute;
            parts[7] = (float)(time - Epoch).TotalDays;
            output.Missing = 0;
        }
        else
        {
            Array.Fill(parts, float.NaN);
            output.Missing = 1;
        }

        output.Parts = parts;
    }
}
