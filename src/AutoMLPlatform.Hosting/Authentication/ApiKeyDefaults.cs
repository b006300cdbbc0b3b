namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>Names of the API-key scheme, its claims and the scope policies.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string TenantClaim = "amlp:tenant";
    public const string KeyIdClaim = "amlp:key";
    public const string ScopeClaim = "amlp:scope";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The policy of calls that span tenants: an admin key of the system tenant.</summary>
    public const string SystemAdminPolicy = "system-admin";

    /// <summary>Policy names: one per scope, e.g. <c>scope:train</c>.</summary>
    public static string PolicyFor(string scope) => "scope:" + scope;
}
