using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Scoring.Embeddings;

/// <summary>An embeddings request with more texts than one request may carry.</summary>
internal sealed class PayloadTooLargeInputsException(int limit)
    : AutoMLPlatformException(RequestErrorCodes.TooManyInputs, ErrorKind.TooLarge, $"The request has more than {limit} inputs, the most one embeddings request may carry.");
