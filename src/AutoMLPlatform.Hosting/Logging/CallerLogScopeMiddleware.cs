using System.Collections;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Hosting.Logging;

/// <summary>
/// Puts the authenticated caller's tenant id into the log scope of the rest of the request, beside the request id and
/// trace id ASP.NET Core already puts there, so every line a request writes names its tenant (the id, never a key).
/// </summary>
internal sealed class CallerLogScopeMiddleware(RequestDelegate next, ILogger<CallerLogScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Caller() is not { } caller)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        using (logger.BeginScope(new TenantScope(caller.Tenant)))
        {
            await next(context).ConfigureAwait(false);
        }
    }

    /// <summary>One field, <c>Tenant</c>; a list of pairs so that the JSON formatter writes it as a field.</summary>
    private sealed class TenantScope(TenantId tenant) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("Tenant", tenant.ToString()) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"Tenant:{tenant}";
    }
}
