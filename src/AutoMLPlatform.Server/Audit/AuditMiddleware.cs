using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Hosting.Authentication;

namespace AutoMLPlatform.Server.Audit;

/// <summary>
/// Appends one audit entry per call to an <see cref="AuditedAttribute"/> endpoint made with a valid key, after the
/// response is decided, so refusals (403, 404, 409) are recorded as faithfully as successes. The target is the
/// route's ids and names (or what the handler put in <see cref="TargetItem"/>); never a row of data.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, IAuditLog audit, TimeProvider time)
{
    /// <summary>Handlers that create something put its id here (e.g. <c>dataset/{id}</c>) as the entry's target.</summary>
    public const string TargetItem = "audit.target";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The exception handler outside writes the answer; record the status it will give, then let it do so.
            await RecordAsync(context, ErrorStatus.Of(ex)).ConfigureAwait(false);
            throw;
        }

        await RecordAsync(context, context.Response.StatusCode).ConfigureAwait(false);
    }

    private async Task RecordAsync(HttpContext context, int status)
    {
        var audited = context.GetEndpoint()?.Metadata.GetMetadata<AuditedAttribute>();
        var caller = context.Caller();
        if (audited is null || caller is null)
        {
            return;
        }

        var target = context.Items.TryGetValue(TargetItem, out var named) && named is string given ? given : RouteTarget(context);
        var outcome = status < 400 ? "success" : $"refused {status}";
        await audit.AppendAsync(new AuditRecord(time.GetUtcNow(), caller.Tenant, caller.KeyId, audited.Action, target, outcome), CancellationToken.None)
            .ConfigureAwait(false);
    }

    private static string RouteTarget(HttpContext context)
    {
        var values = context.Request.RouteValues.Where(v => v.Value is not null).Select(v => $"{v.Key}={v.Value}").ToArray();
        return values.Length == 0 ? context.Request.Path.Value ?? "-" : string.Join(' ', values);
    }
}
