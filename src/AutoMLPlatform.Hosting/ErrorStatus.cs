using AutoMLPlatform.Core.Common;
using Microsoft.AspNetCore.Http;

namespace AutoMLPlatform.Hosting;

/// <summary>The HTTP status an exception ends a request with, as <see cref="PlatformExceptionHandler"/> answers it (for metrics, logs and the audit trail, which must know it before the handler runs).</summary>
public static class ErrorStatus
{
    /// <summary>499 (client closed request) for a cancellation, the mapped status for ours and Kestrel's, 500 for anything else.</summary>
    public static int Of(Exception exception) => exception switch
    {
        AutoMLPlatformException known => known.Kind switch
        {
            ErrorKind.InvalidInput => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            ErrorKind.LimitExceeded => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status500InternalServerError,
        },
        BadHttpRequestException bad => bad.StatusCode,
        OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
