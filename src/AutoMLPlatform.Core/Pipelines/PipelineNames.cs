using System.Text.RegularExpressions;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>The rule for pipeline names, which appear in URLs and schedule ids: 1-100 letters, digits, '.', '_' or '-'.</summary>
public static partial class PipelineNames
{
    public static string Validate(string? name, string field = "name")
    {
        if (name is null || !Pattern().IsMatch(name))
        {
            throw new InvalidInputException("invalid-pipeline-name",
                "A pipeline name is 1-100 characters of letters, digits, '.', '_' or '-', starting with a letter or digit.", field);
        }

        return name;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex Pattern();
}
