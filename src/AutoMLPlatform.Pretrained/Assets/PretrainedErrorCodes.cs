namespace AutoMLPlatform.Pretrained.Assets;

/// <summary>Codes of the pretrained-asset checks: every reader of a shipped network refuses a missing or different file with these.</summary>
public static class PretrainedErrorCodes
{
    public const string AssetMissing = "pretrained-asset-missing";

    public const string AssetMismatch = "pretrained-asset-mismatch";
}
