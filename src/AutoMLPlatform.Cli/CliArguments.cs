namespace AutoMLPlatform.Cli;

/// <summary>Reading a command line's options, the same way in every command.</summary>
internal static class CliArguments
{
    /// <summary>The value after the option at <paramref name="i"/>, moving <paramref name="i"/> onto it; a usage error when there is none.</summary>
    public static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new CliUsageException($"Option {args[i]} needs a value.");
}
