using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Pretrained.Assets;

/// <summary>
/// A pretrained asset cannot be used here: unknown, missing from the installation, not what its hash says, or not the
/// one a model was trained with. Error codes: <c>pretrained-asset-unknown</c>, <c>pretrained-asset-missing</c>,
/// <c>pretrained-asset-mismatch</c>.
/// </summary>
public sealed class PretrainedAssetException(string errorCode, string message, Exception? inner = null)
    : AutoMLPlatformException(errorCode, ErrorKind.Unprocessable, message, inner);
