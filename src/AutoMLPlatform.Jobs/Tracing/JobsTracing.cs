using System.Diagnostics;

namespace AutoMLPlatform.Jobs.Tracing;

/// <summary>
/// The jobs' activity source: a span per Hangfire job run, per phase of a training job (load, prepare, search, register,
/// report) and per fanned-out part. With no listener (tracing off, the default) starting a span returns null and costs
/// nothing more. A static source is the pattern .NET prescribes: it holds no state of ours.
/// </summary>
internal static class JobsTracing
{
    public const string SourceName = "AutoMLPlatform.Jobs";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Marks the span failed with the exception's type (its message may quote user data, so it stays in the log).</summary>
    public static void RecordFailure(this Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }

    /// <summary>Runs <paramref name="work"/> inside a span named <paramref name="name"/>, ended however the work ends.</summary>
    public static async Task<T> TraceAsync<T>(string name, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var span = Source.StartActivity(name);
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            span.RecordFailure(ex);
            throw;
        }
    }

    /// <inheritdoc cref="TraceAsync{T}(string, Func{Task{T}})"/>
    public static Task TraceAsync(string name, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return TraceAsync(name, async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        });
    }
}
