using System.CommandLine;
using System.Globalization;

namespace AutoMLPlatform.Cli;

/// <summary>The <c>--version N</c> options: a version number (1, 2, …), with one clear message for anything else.</summary>
internal static class VersionOptions
{
    public static Option<int?> Create(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        HelpName = "N",
        CustomParser = argument =>
        {
            var text = argument.Tokens.Count > 0 ? argument.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1)
            {
                return version;
            }

            argument.AddError($"{name} takes a version number (1, 2, ...), not '{text}'.");
            return null;
        },
    };
}
