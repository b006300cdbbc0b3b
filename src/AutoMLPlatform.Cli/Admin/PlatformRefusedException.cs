using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Cli.Admin;

/// <summary>The platform refused the request (a 4xx answer): bad input, a missing key or scope, an unknown id.</summary>
internal sealed class PlatformRefusedException(string message) : InvalidInputException("platform-refused", message);
