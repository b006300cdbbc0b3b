using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace AutoMLPlatform.Client.Http;

/// <summary>
/// The retry of a call answered 429 (a quota or rate limit) or 503 (unavailable): after <c>Retry-After</c> when the
/// answer gives one, else after an exponential back-off with jitter. Nothing else is retried: a 4xx other than 429 will
/// not change, and a failure to connect, or a 500, may have done half the work of a non-idempotent call.
/// </summary>
internal static partial class RetryStrategy
{
    public static void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, AutoMLPlatformClientOptions options, ILogger logger)
    {
        if (options.MaxRetries == 0)
        {
            return;
        }

        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            ShouldHandle = arguments => ValueTask.FromResult(ShouldRetry(arguments.Outcome.Result, options)),
            OnRetry = arguments =>
            {
                var request = arguments.Outcome.Result?.RequestMessage;
                LogRetry(logger, request?.Method.Method, request?.RequestUri?.AbsolutePath, (int?)arguments.Outcome.Result?.StatusCode,
                    arguments.AttemptNumber + 1, arguments.RetryDelay.TotalMilliseconds);
                return default;
            },
        });
    }

    public static bool ShouldRetry(HttpResponseMessage? response, AutoMLPlatformClientOptions options)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return false;
        }

        if (response.RequestMessage?.Options.TryGetValue(ApiConnection.NotRetryable, out var notRetryable) == true && notRetryable)
        {
            return false;
        }

        // A wait longer than the caller accepts is theirs to decide on: the error carries it.
        return ProblemReader.RetryAfterOf(response) is not { } wait || wait <= options.MaxRetryAfter;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "{Method} {Path} answered {Status}; retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string? method, string? path, int? status, int attempt, double delayMs);
}
