using System.Net;
using AutoMLPlatform.Client.Http;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Client.Tests.Http;

/// <summary>
/// Retries against the real rate limit: one prediction a second per tenant, bursts of two. The model does not exist, so
/// a call that gets through is answered 404, and one that does not, 429 with <c>Retry-After: 1</c>. Each test calls
/// as a tenant of its own, so that it has a bucket of its own.
/// </summary>
public class RetryTests
{
    private PlatformHost _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = new PlatformHost(new() { ["AutoMLPlatform:Security:PredictionsPerSecondPerTenant"] = "1" });

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task A_429_is_retried_after_its_retry_after_rather_than_the_back_off_and_then_gets_through()
    {
        var logs = new ListLogger();
        using var logging = LoggerFactory.Create(b => b.AddProvider(logs));
        using var client = await TenantClientAsync(o => o.RetryDelay = TimeSpan.FromSeconds(7), logging);

        var errors = new List<AutoMLPlatformException>();
        for (var i = 0; i < 3; i++)
        {
            errors.Add(Assert.ThrowsAsync<AutoMLPlatformException>(() => client.Predictions.PredictAsync("absent", new Dictionary<string, object?>()))!);
        }

        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e.Status), Is.All.EqualTo(HttpStatusCode.NotFound), "every call got through in the end");
            Assert.That(logs.Messages, Is.Not.Empty, "the third call was limited and retried");
            Assert.That(logs.Messages, Is.All.Match(@"^POST /api/predict/absent answered 429; retry [1-3] in 1000 ms$"));
        });
    }

    [Test]
    public async Task Without_retries_a_429_surfaces_with_its_error_code_and_retry_after()
    {
        using var client = await TenantClientAsync(o => o.MaxRetries = 0);

        var statuses = new List<AutoMLPlatformException>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(Assert.ThrowsAsync<AutoMLPlatformException>(() => client.Predictions.PredictAsync("absent", new Dictionary<string, object?>()))!);
        }

        var limited = statuses.First(e => e.Status == HttpStatusCode.TooManyRequests);
        Assert.Multiple(() =>
        {
            Assert.That(limited.ErrorCode, Is.EqualTo("rate-limited"));
            Assert.That(limited.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(limited.IsRefusal, Is.True);
        });
    }

    [Test]
    public async Task A_retry_after_longer_than_the_client_accepts_is_not_waited_out()
    {
        using var client = await TenantClientAsync(o => o.MaxRetryAfter = TimeSpan.FromMilliseconds(500));

        var errors = new List<AutoMLPlatformException>();
        for (var i = 0; i < 4; i++)
        {
            errors.Add(Assert.ThrowsAsync<AutoMLPlatformException>(() => client.Predictions.PredictAsync("absent", new Dictionary<string, object?>()))!);
        }

        Assert.That(errors.Select(e => e.Status), Does.Contain(HttpStatusCode.TooManyRequests));
    }

    [TestCase(HttpStatusCode.TooManyRequests, true)]
    [TestCase(HttpStatusCode.ServiceUnavailable, true)]
    [TestCase(HttpStatusCode.InternalServerError, false)]
    [TestCase(HttpStatusCode.BadRequest, false)]
    [TestCase(HttpStatusCode.Conflict, false)]
    public void Only_429_and_503_are_retried(HttpStatusCode status, bool retried)
    {
        using var response = new HttpResponseMessage(status) { RequestMessage = new HttpRequestMessage(HttpMethod.Post, "http://localhost/api/jobs") };

        Assert.That(RetryStrategy.ShouldRetry(response, new AutoMLPlatformClientOptions()), Is.EqualTo(retried));
    }

    [Test]
    public void A_request_whose_body_cannot_be_sent_twice_is_not_retried()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/api/datasets");
        request.Options.Set(ApiConnection.NotRetryable, true);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };

        Assert.That(RetryStrategy.ShouldRetry(response, new AutoMLPlatformClientOptions()), Is.False);
    }

    private async Task<AutoMLPlatformClient> TenantClientAsync(Action<AutoMLPlatformClientOptions> configure, ILoggerFactory? logging = null)
    {
        using var admin = _host.Client();
        var tenant = await admin.Tenants.CreateAsync($"retry-{Guid.NewGuid():N}");
        return _host.Client(tenant.AdminKey.Key, configure, logging);
    }

    /// <summary>Collects the client's log messages (a logger is not ours to own, so a small collector stands in).</summary>
    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return _messages.ToArray();
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
