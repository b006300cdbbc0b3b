using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Cli;

/// <summary>A command line the CLI cannot act on: unknown command or option, missing or malformed value.</summary>
internal sealed class CliUsageException(string message) : InvalidInputException("cli-usage", message);
