using System.Net;

namespace AutoMLPlatform.Client;

/// <summary>
/// The platform answered a call with an error. It carries the answer's RFC 7807 problem details: <see cref="Status"/>,
/// <see cref="Type"/>, <see cref="Title"/>, <see cref="Detail"/>, the platform's stable <see cref="ErrorCode"/>, the
/// <see cref="TraceId"/> to quote to whoever runs the platform, and the field messages of a validation error in
/// <see cref="Errors"/>. Failures to reach the platform at all stay <see cref="HttpRequestException"/>.
/// </summary>
public sealed class AutoMLPlatformException : Exception
{
    public AutoMLPlatformException()
        : this(HttpStatusCode.InternalServerError, null, null, null, null, null, null, null)
    {
    }

    public AutoMLPlatformException(string message)
        : base(message)
    {
        Errors = EmptyErrors;
    }

    public AutoMLPlatformException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = EmptyErrors;
    }

    /// <summary>An error answer with its problem details (any of which the platform may have left out).</summary>
    public AutoMLPlatformException(HttpStatusCode status, string? type, string? title, string? detail, string? errorCode, string? traceId,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors, TimeSpan? retryAfter)
        : base(MessageOf((int)status, title, detail, errorCode))
    {
        Status = status;
        Type = type;
        Title = title;
        Detail = detail;
        ErrorCode = errorCode;
        TraceId = traceId;
        Errors = errors ?? EmptyErrors;
        RetryAfter = retryAfter;
    }

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> EmptyErrors = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The HTTP status of the answer: 400 bad input, 401 no or unknown key, 403 missing scope, 404 not found (or another tenant's), 409 conflict, 413 too large, 422 cannot be done for this model, 429 limit used up, 5xx the platform failed.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The problem type, a URI.</summary>
    public string? Type { get; }

    /// <summary>A short summary of the kind of problem.</summary>
    public string? Title { get; }

    /// <summary>What went wrong with this call, in words.</summary>
    public string? Detail { get; }

    /// <summary>The platform's stable code for the error (e.g. <c>model-not-found</c>, <c>rate-limited</c>): test this, not the words.</summary>
    public string? ErrorCode { get; }

    /// <summary>The request's trace id in the platform's logs.</summary>
    public string? TraceId { get; }

    /// <summary>For a validation error, the messages by field (<c>datasetId</c>, <c>label</c>, …); empty otherwise.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; }

    /// <summary>When a 429 or 503 said how long to wait (<c>Retry-After</c>) and the client's retries did not get through.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for a 4xx answer: the platform refused the call as made (input, key, scope, state, limit).</summary>
    public bool IsRefusal => (int)Status is >= 400 and < 500;

    private static string MessageOf(int status, string? title, string? detail, string? errorCode)
    {
        var words = detail is null ? title : title is null ? detail : $"{title} {detail}";
        var code = errorCode is null ? "" : $" [{errorCode}]";
        return $"{status}: {words ?? "the platform answered with an error"}{code}";
    }
}
