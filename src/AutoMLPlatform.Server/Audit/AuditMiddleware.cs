using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Hosting.Authentication;

namespace AutoMLPlatform.Server.Audit;

/// <summary>
/// Appends one audit entry per call to an <see cref="AuditedAttribute"/> endpoint made with a valid key, after the
/// response is decided, so refusals (403, 404, 409) are recorded as faithfully as successes. Its intent is written
/// before the call runs (<see cref="IAuditLog.BeginAsync"/>), so no audited action goes unrecorded. The target is the
/// route's ids and names (or what the handler put in <see cref="TargetItem"/>); never a row of data.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, IAuditLog audit, TimeProvider time)
{
    /// <summary>Handlers that create something put its id here (e.g. <c>dataset/{id}</c>) as the entry's target.</summary>
    public const string TargetItem = "audit.target";

    public async Task InvokeAsync(HttpContext context)
    {
        var audited = context.GetEndpoint()?.Metadata.GetMetadata<AuditedAttribute>();
        if (audited is null || context.Caller() is not { } caller)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // Written before the action runs: an action whose intent cannot be written does not run (the store is away),
        // and one whose process dies before its entry is appended by recovery with an unknown outcome.
        var record = new AuditRecord(time.GetUtcNow(), caller.Tenant, caller.KeyId, audited.Action, RouteTarget(context), "");
        var intent = await audit.BeginAsync(record, context.RequestAborted).ConfigureAwait(false);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The exception handler outside writes the answer; record the status it will give, then let it do so.
            await CompleteAsync(context, intent, record, ErrorStatus.Of(ex)).ConfigureAwait(false);
            throw;
        }

        await CompleteAsync(context, intent, record, context.Response.StatusCode).ConfigureAwait(false);
    }

    private Task CompleteAsync(HttpContext context, AuditIntentId intent, AuditRecord begun, int status)
    {
        var target = context.Items.TryGetValue(TargetItem, out var named) && named is string given ? given : begun.Target;
        var outcome = status < 400 ? "success" : $"refused {status}";
        return audit.CompleteAsync(intent, begun with { Target = target, Outcome = outcome }, CancellationToken.None);
    }

    private static string RouteTarget(HttpContext context)
    {
        var values = context.Request.RouteValues.Where(v => v.Value is not null).Select(v => $"{v.Key}={v.Value}").ToArray();
        return values.Length == 0 ? context.Request.Path.Value ?? "-" : string.Join(' ', values);
    }
}
