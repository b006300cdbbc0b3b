using System.Net.Http.Headers;
using AutoMLPlatform.Client.Access;
using AutoMLPlatform.Client.Datasets;
using AutoMLPlatform.Client.Feedback;
using AutoMLPlatform.Client.Http;
using AutoMLPlatform.Client.Jobs;
using AutoMLPlatform.Client.Models;
using AutoMLPlatform.Client.Pipelines;
using AutoMLPlatform.Client.Predictions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace AutoMLPlatform.Client;

/// <summary>
/// The AutoMLPlatform HTTP API as typed calls, grouped by area: <see cref="Datasets"/>, <see cref="Jobs"/>,
/// <see cref="Models"/>, <see cref="Predictions"/>, <see cref="Keys"/>, <see cref="Tenants"/>, <see cref="Audit"/>,
/// <see cref="Pipelines"/>, <see cref="Feedback"/>. An error answer throws <see cref="AutoMLPlatformException"/>. Get one from
/// <c>services.AddAutoMLPlatformClient(...)</c> (IHttpClientFactory) or <see cref="Create"/>; it is safe to share between threads.
/// </summary>
public sealed class AutoMLPlatformClient : IDisposable
{
    private readonly HttpClient? _owned;

    /// <summary>
    /// A client over <paramref name="httpClient"/>, which carries the base address, the key and the retry handler (as
    /// <c>AddAutoMLPlatformClient</c> and <see cref="Create"/> set them up); <paramref name="options"/> gives the watch interval and clock.
    /// </summary>
    public AutoMLPlatformClient(HttpClient httpClient, AutoMLPlatformClientOptions? options = null)
        : this(httpClient, options ?? new AutoMLPlatformClientOptions(), owned: false)
    {
    }

    private AutoMLPlatformClient(HttpClient httpClient, AutoMLPlatformClientOptions options, bool owned)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        var api = new ApiConnection(httpClient, options);
        _owned = owned ? httpClient : null;
        Datasets = new DatasetsClient(api);
        Jobs = new JobsClient(api);
        Models = new ModelsClient(api);
        Predictions = new PredictionsClient(api);
        Keys = new KeysClient(api);
        Tenants = new TenantsClient(api);
        Audit = new AuditClient(api);
        Pipelines = new PipelinesClient(api);
        Feedback = new FeedbackClient(api);
    }

    public DatasetsClient Datasets { get; }

    public JobsClient Jobs { get; }

    public ModelsClient Models { get; }

    public PredictionsClient Predictions { get; }

    public KeysClient Keys { get; }

    public TenantsClient Tenants { get; }

    public AuditClient Audit { get; }

    public PipelinesClient Pipelines { get; }

    public FeedbackClient Feedback { get; }

    /// <summary>
    /// A client that owns its <see cref="HttpClient"/> (dispose it when done), for programs without dependency injection.
    /// </summary>
    /// <param name="options">Address, key, retries, timeout.</param>
    /// <param name="primaryHandler">The handler that sends the requests; a <see cref="SocketsHttpHandler"/> by default.</param>
    /// <param name="loggerFactory">Where retries are logged; nowhere by default.</param>
    public static AutoMLPlatformClient Create(AutoMLPlatformClientOptions options, HttpMessageHandler? primaryHandler = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        RetryStrategy.AddTo(pipeline, options, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AutoMLPlatformClient>());
        var handler = new ResilienceHandler(pipeline.Build())
        {
            InnerHandler = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        var http = new HttpClient(handler, disposeHandler: true);
        Configure(http, options);
        return new AutoMLPlatformClient(http, options, owned: true);
    }

    /// <summary>Sets the base address, the key and the timeout of an <see cref="HttpClient"/> that calls the platform.</summary>
    internal static void Configure(HttpClient http, AutoMLPlatformClientOptions options)
    {
        var address = options.BaseAddress.AbsoluteUri;
        http.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        http.Timeout = options.Timeout;
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey.Trim());
        }
    }

    /// <summary>Disposes the <see cref="HttpClient"/> when <see cref="Create"/> made it; one passed in stays its owner's.</summary>
    public void Dispose() => _owned?.Dispose();
}
