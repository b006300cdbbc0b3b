using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AutoMLPlatform.Server.Tests.Operations;

/// <summary>
/// An OTLP/HTTP trace receiver on a loopback port: what a collector is to the platform. It answers every export with
/// 200 and keeps the spans it decoded, so a test can look at what several processes sent.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();

    private OtlpReceiver(HttpListener listener, Uri endpoint)
    {
        _listener = listener;
        Endpoint = endpoint;
        _ = Task.Run(ReceiveAsync);
    }

    /// <summary>The base address; the exporter posts to <c>/v1/traces</c> under it.</summary>
    public Uri Endpoint { get; }

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    public static OtlpReceiver Start()
    {
        var endpoint = new Uri($"http://127.0.0.1:{FreePort()}/");
        var listener = new HttpListener();
        listener.Prefixes.Add(endpoint.ToString());
        listener.Start();
        return new OtlpReceiver(listener, endpoint);
    }

    /// <summary>Waits until the spans received satisfy <paramref name="done"/>, and returns them.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForAsync(Func<IReadOnlyList<ReceivedSpan>, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!done(Spans))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The spans expected did not arrive; received: {string.Join(", ", Spans.Select(s => $"{s.Service}/{s.Name}"))}.");
            }

            await Task.Delay(200);
        }

        return Spans;
    }

    public void Dispose()
    {
        // The loop ends by itself: waiting for a request on a closed listener throws, and it returns.
        _listener.Close();
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.Url?.AbsolutePath == "/v1/traces")
            {
                foreach (var span in OtlpTraceDecoder.Decode(body.ToArray()))
                {
                    _spans.Enqueue(span);
                }
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
