namespace AutoMLPlatform.TestSupport;

/// <summary>The API key tests bootstrap every platform with (a system-tenant admin key), so any host over the same data accepts it.</summary>
public static class TestKeys
{
    public const string Admin = "test-admin-key-0123456789abcdef0123456789abcdef";

    /// <summary>The configuration key that bootstraps <see cref="Admin"/> when no key exists yet.</summary>
    public const string BootstrapSetting = "AutoMLPlatform:Security:BootstrapKey";
}
