namespace AutoMLPlatform.Core.Tenancy;

/// <summary>Codes of tenant errors: a deleted tenant and the quotas, raised by the store that counts and by the callers that check first.</summary>
public static class TenancyErrorCodes
{
    public const string TenantNotFound = "tenant-not-found";

    public const string JobQuota = "job-quota";

    public const string StorageQuota = "storage-quota";
}
