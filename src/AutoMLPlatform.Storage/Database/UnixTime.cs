namespace AutoMLPlatform.Storage.Database;

/// <summary>Times are stored as Unix milliseconds (UTC) so both databases sort and compare them the same way.</summary>
internal static class UnixTime
{
    public static long ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static long? ToMs(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? FromMs(long? ms) => ms is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms.Value);
}
