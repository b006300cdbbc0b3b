using System.Net;
using Hangfire.Dashboard;

namespace AutoMLPlatform.Server.Hangfire;

/// <summary>The Hangfire dashboard answers requests from this machine only, until API keys guard it.</summary>
internal sealed class LoopbackOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var remote = context.GetHttpContext().Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote);
    }
}
