using System.Text.RegularExpressions;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Registry;

/// <summary>Well-known aliases and the rules for model and alias names.</summary>
public static partial class ModelAliases
{
    /// <summary>The alias a model's first version receives and predictions use by default.</summary>
    public const string Production = "production";

    public static string ValidateModelName(string? name, string field = "modelName")
    {
        if (name is null || !ModelNamePattern().IsMatch(name))
        {
            throw new InvalidInputException("invalid-model-name",
                "A model name is 1-100 characters of letters, digits, '.', '_' or '-', starting with a letter or digit.", field);
        }

        return name;
    }

    public static string ValidateAlias(string? alias, string field = "alias")
    {
        if (alias is null || !AliasPattern().IsMatch(alias))
        {
            throw new InvalidInputException("invalid-alias",
                "An alias is 1-50 lower-case letters, digits, '_' or '-', starting with a letter.", field);
        }

        return alias;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex ModelNamePattern();

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,49}$")]
    private static partial Regex AliasPattern();
}
