using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Server.Api;

/// <summary>Query-string paging: <c>?offset=0&amp;limit=50</c>, limit at most 500.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static (int Offset, int Limit) Validate(int? offset, int? limit)
    {
        var o = offset ?? 0;
        var l = limit ?? DefaultLimit;
        if (o < 0)
        {
            throw new InvalidInputException("invalid-offset", "The offset cannot be negative.", "offset");
        }

        if (l is < 1 or > MaxLimit)
        {
            throw new InvalidInputException("invalid-limit", $"The limit is between 1 and {MaxLimit}.", "limit");
        }

        return (o, l);
    }
}
