using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting.Authentication;
using Hangfire.Dashboard;

namespace AutoMLPlatform.Server.Hangfire;

/// <summary>
/// The Hangfire dashboard shows every tenant's jobs, so only an admin key of the system tenant opens it
/// (send it as <c>Authorization: Bearer</c> or <c>X-Api-Key</c>).
/// </summary>
internal sealed class SystemAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.HasClaim(ApiKeyDefaults.TenantClaim, TenantId.Default.ToString()) && user.HasClaim(ApiKeyDefaults.ScopeClaim, ApiScopeNames.Admin);
    }
}
