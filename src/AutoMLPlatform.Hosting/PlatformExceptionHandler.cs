using System.Text.Json;
using AutoMLPlatform.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Hosting;

/// <summary>
/// Maps our exceptions to RFC 7807 problem details: input errors 400 (with the field), not found 404, conflicts 409,
/// unprocessable 422, too large 413. Anything else is a 500 whose body says nothing about the exception.
/// </summary>
internal sealed partial class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case AutoMLPlatformException known:
                problem = ProblemFor(known);
                break;
            case BadHttpRequestException bad:
                problem = Malformed(bad);
                break;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                return true; // the client went away; nobody is left to answer
            default:
                LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
                problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
                problem.Extensions["errorCode"] = "internal-error";
                break;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is LimitExceededException limited)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(limited.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }

    internal static ProblemDetails ProblemFor(AutoMLPlatformException exception)
    {
        var status = ErrorStatus.Of(exception);
        var title = exception.Kind switch
        {
            ErrorKind.InvalidInput => "The request is invalid.",
            ErrorKind.NotFound => "Not found.",
            ErrorKind.Conflict => "The request conflicts with the current state.",
            ErrorKind.Unprocessable => "The request cannot be processed.",
            ErrorKind.TooLarge => "The request is too large.",
            ErrorKind.LimitExceeded => "A quota or rate limit is used up.",
            _ => "An unexpected error occurred.",
        };
        var problem = exception is InvalidInputException { Errors.Count: > 0 } invalid
            ? new ValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = exception.Message;
        problem.Extensions["errorCode"] = exception.ErrorCode;
        return problem;
    }

    /// <summary>
    /// A body that is not what the endpoint reads. When the JSON binder names the field whose value has the wrong type
    /// (a string where a boolean belongs, say), the answer names it under <c>errors</c>, as a validation error would.
    /// </summary>
    private static ProblemDetails Malformed(BadHttpRequestException bad)
    {
        var field = bad.InnerException is JsonException { Path: { Length: > 2 } path } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        var problem = field is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"The value of '{field}' does not have the type this field takes."] });
        problem.Status = bad.StatusCode;
        problem.Title = "The request is malformed.";
        problem.Detail = field is null ? bad.Message : $"{bad.Message} The value of '{field}' does not have the type this field takes.";
        problem.Extensions["errorCode"] = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "payload-too-large" : "bad-request";
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
