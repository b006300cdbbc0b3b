using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.AutoML.Planning;

/// <summary>The budget ran out (or every trial failed) before any trial produced a model.</summary>
public sealed class NoSuccessfulTrialException(string message) : UnprocessableException("no-successful-trial", message);
