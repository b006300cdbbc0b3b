using System.CommandLine;

namespace AutoMLPlatform.Cli;

/// <summary>How a command prints its answer.</summary>
internal enum OutputFormat
{
    /// <summary>A table for a person.</summary>
    Table,

    /// <summary>JSON for a script.</summary>
    Json,

    /// <summary>CSV (predictions only).</summary>
    Csv,
}

/// <summary>The <c>--output</c> option of the commands that print records.</summary>
internal static class OutputOptions
{
    public static Option<string> Create(params OutputFormat[] allowed)
    {
        var names = allowed.Select(f => f.ToString().ToLowerInvariant()).ToArray();
        var option = new Option<string>("--output", "-o")
        {
            Description = $"How to print the answer: {string.Join(", ", names)}",
            DefaultValueFactory = _ => names[0],
            HelpName = string.Join("|", names),
        };
        option.AcceptOnlyFromAmong(names);
        return option;
    }

    public static OutputFormat Read(ParseResult result, Option<string> option) =>
        Enum.Parse<OutputFormat>(result.GetValue(option) ?? nameof(OutputFormat.Table), ignoreCase: true);
}
