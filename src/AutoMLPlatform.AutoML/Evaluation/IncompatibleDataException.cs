using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.AutoML.Evaluation;

/// <summary>A model cannot be scored on a table: a column it reads is missing or changed kind, or the label has classes it never saw.</summary>
public sealed class IncompatibleDataException(string message)
    : UnprocessableException("data-incompatible-with-model", message);
