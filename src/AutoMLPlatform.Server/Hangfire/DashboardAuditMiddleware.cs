using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Http.Features;

namespace AutoMLPlatform.Server.Hangfire;

/// <summary>
/// Audits what the Hangfire dashboard changes: its actions (delete, requeue, trigger a recurring job) are POSTs under
/// the dashboard's path, made with a system admin key. Each becomes one entry, <c>dashboard.{action}</c> (e.g.
/// <c>dashboard.jobs/enqueued/delete</c>), whose target lists the job ids the form named; refusals are recorded too.
/// Page views (GET) change nothing and are not audited.
/// </summary>
internal sealed class DashboardAuditMiddleware(RequestDelegate next, IAuditLog audit, TimeProvider time)
{
    private const int MaxTargetLength = 1000;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Caller() is not { } caller)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Request.Path.StartsWithSegments(HangfireSetup.DashboardPath, out var rest);
        var record = new AuditRecord(time.GetUtcNow(), caller.Tenant, caller.KeyId, $"dashboard.{rest.Value?.Trim('/')}", "-", "");
        var intent = await audit.BeginAsync(record, context.RequestAborted).ConfigureAwait(false);
        await next(context).ConfigureAwait(false);
        var status = context.Response.StatusCode;
        await audit.CompleteAsync(intent, record with { Target = TargetOf(context), Outcome = status < 400 ? "success" : $"refused {status}" },
            CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The job ids of the form the dashboard read (it reads the form itself; an unread form is not read here).</summary>
    private static string TargetOf(HttpContext context)
    {
        var form = context.Features.Get<IFormFeature>()?.Form;
        var ids = form is null ? [] : form.Where(f => f.Key.StartsWith("jobs", StringComparison.Ordinal)).SelectMany(f => f.Value).OfType<string>().ToArray();
        var target = ids.Length == 0 ? "-" : $"jobs={string.Join(',', ids)}";
        return target.Length <= MaxTargetLength ? target : $"{target[..MaxTargetLength]}…";
    }
}
