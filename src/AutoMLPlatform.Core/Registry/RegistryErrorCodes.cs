namespace AutoMLPlatform.Core.Registry;

/// <summary>Codes of refusals about model versions and aliases that more than one component raises.</summary>
public static class RegistryErrorCodes
{
    public const string InvalidVersion = "invalid-version";

    public const string InvalidCanaryVersion = "invalid-canary-version";

    public const string InvalidShadowVersion = "invalid-shadow-version";
}
