using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Scoring.Http;

/// <summary>A prediction request with more rows than one request may carry.</summary>
internal sealed class PayloadTooLargeRowsException(int rows, int limit)
    : AutoMLPlatformException("too-many-rows", ErrorKind.TooLarge, $"The request has {rows} rows; at most {limit} are accepted per request. Use the CSV batch endpoint for more.");
