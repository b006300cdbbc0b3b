using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Scoring.Http;

/// <summary>A JSON prediction request with more rows than one request may carry.</summary>
internal sealed class PayloadTooLargeRowsException(int limit)
    : AutoMLPlatformException("too-many-rows", ErrorKind.TooLarge, $"The request has more than {limit} rows, the most one JSON request may carry. Use the CSV batch endpoint for more.");
