using System.Net;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting.Authentication;
using Hangfire.Dashboard;

namespace AutoMLPlatform.Server.Hangfire;

/// <summary>
/// The Hangfire dashboard shows every tenant's jobs and can delete or requeue them, so it opens only from this machine
/// (a loopback connection) and only with an admin key of the system tenant (send it as <c>Authorization: Bearer</c> or
/// <c>X-Api-Key</c>). Behind a reverse proxy on the same machine every caller is loopback: the key still decides.
/// </summary>
internal sealed class SystemAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var user = http.User;
        return http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            && user.HasClaim(ApiKeyDefaults.TenantClaim, TenantId.Default.ToString()) && user.HasClaim(ApiKeyDefaults.ScopeClaim, ApiScopeNames.Admin);
    }
}
