namespace AutoMLPlatform.Core.Security;

/// <summary>How a revocation that must leave the tenant an admin key ended.</summary>
public enum KeyRevocation
{
    /// <summary>The key is revoked (or already was).</summary>
    Revoked,

    /// <summary>The tenant has no such key.</summary>
    NotFound,

    /// <summary>The key is the tenant's last active admin key; nothing changed.</summary>
    LastAdmin,
}
