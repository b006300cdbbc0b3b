using System.Diagnostics;
using Hangfire.Client;
using Hangfire.Server;

namespace AutoMLPlatform.Jobs.Tracing;

/// <summary>
/// Carries a trace across Hangfire, so that one trace shows submit → train → register. When a job is created inside a
/// span (the API request that submitted it, or the job that fanned out a part), the span's W3C <c>traceparent</c> is
/// stored as a job parameter, in Hangfire's storage beside the job; the worker that performs it starts the job's span as
/// a child of that remote parent. Both run synchronously around the job (Hangfire calls filters on the worker's thread
/// before and after the method), so the span is the ambient <see cref="Activity.Current"/> for the job's whole run.
/// </summary>
internal sealed class TraceContextJobFilter : IClientFilter, IServerFilter
{
    public const string TraceParentParameter = "traceparent";
    public const string TraceStateParameter = "tracestate";

    private const string ActivityItem = "AutoMLPlatform.Activity";

    public void OnCreating(CreatingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } current)
        {
            context.SetJobParameter(TraceParentParameter, current.Id);
            if (current.TraceStateString is { Length: > 0 } state)
            {
                context.SetJobParameter(TraceStateParameter, state);
            }
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parent = context.GetJobParameter<string>(TraceParentParameter, allowStale: true);
        var state = context.GetJobParameter<string>(TraceStateParameter, allowStale: true);
        var parentContext = ActivityContext.TryParse(parent, state, isRemote: true, out var parsed) ? parsed : default;
        var job = context.BackgroundJob.Job;
        var activity = JobsTracing.Source.StartActivity($"{job.Type.Name}.{job.Method.Name}", ActivityKind.Consumer, parentContext);
        if (activity is not null)
        {
            activity.SetTag("hangfire.job.id", context.BackgroundJob.Id);
            context.Items[ActivityItem] = activity;
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ActivityItem, out var item) && item is Activity activity)
        {
            if (context.Exception is { } exception)
            {
                activity.RecordFailure(exception);
            }

            activity.Dispose();
        }
    }
}
