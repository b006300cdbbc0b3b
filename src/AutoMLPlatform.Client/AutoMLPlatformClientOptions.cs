namespace AutoMLPlatform.Client;

/// <summary>Where the platform is, the key to call it with, and how calls are retried.</summary>
public sealed class AutoMLPlatformClientOptions
{
    /// <summary>The default base address: the platform started with its defaults on this machine.</summary>
    public const string DefaultBaseAddress = "http://127.0.0.1:5000/";

    /// <summary>The default number of retries after a 429 or 503 answer.</summary>
    public const int DefaultMaxRetries = 3;

    /// <summary>The platform's address, e.g. <c>https://automl.example.com/</c>.</summary>
    /// <value>Defaults to <see cref="DefaultBaseAddress"/>.</value>
    public Uri BaseAddress { get; set; } = new(DefaultBaseAddress);

    /// <summary>The API key, sent as <c>Authorization: Bearer</c>. Its scopes decide what the calls may do.</summary>
    /// <value>No default: calls without a key answer 401.</value>
    public string? ApiKey { get; set; }

    /// <summary>How many times a call answered 429 (a quota or rate limit) or 503 (unavailable) is sent again.</summary>
    /// <value>Defaults to <see cref="DefaultMaxRetries"/>; 0 turns retries off.</value>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>The first back-off delay when the answer has no <c>Retry-After</c>; it doubles on each retry, with jitter.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits out. A longer one (a storage or job quota says "a minute") is not
    /// retried: the call fails at once with <see cref="AutoMLPlatformException.RetryAfter"/> set, so the caller decides.
    /// </summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one call may take, retries included; uploads and batch predictions of big files need more.</summary>
    /// <value>Defaults to 100 seconds, as <see cref="HttpClient.Timeout"/>.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How often <see cref="Jobs.JobsClient.WatchAsync"/> asks for a job's state.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock for back-off and watching (tests pass a fake one).</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming every setting that is out of range.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || BaseAddress.Scheme is not ("http" or "https"))
        {
            problems.Add($"BaseAddress must be an absolute http(s) URI, not '{BaseAddress}'.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            problems.Add($"MaxRetries is 0 to 10, not {MaxRetries}.");
        }

        if (RetryDelay <= TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero || WatchInterval <= TimeSpan.Zero)
        {
            problems.Add("RetryDelay and WatchInterval must be positive and MaxRetryAfter not negative.");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add("Timeout must be positive (or infinite).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(AutoMLPlatformClientOptions));
        }
    }
}
