using System.Text.RegularExpressions;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Datasets;

/// <summary>The rule for dataset names: 1-100 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.</summary>
public static partial class DatasetNames
{
    public static string Validate(string? name)
    {
        if (name is null || !Pattern().IsMatch(name))
        {
            throw new InvalidInputException("invalid-dataset-name",
                "A dataset name is 1-100 characters of letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.", "name");
        }

        return name;
    }

    /// <summary>A valid name made from an uploaded file's name, for uploads that give none.</summary>
    public static string FromFileName(string? fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName ?? string.Empty);
        var cleaned = Invalid().Replace(stem, "-").Trim('-', ' ', '.', '_');
        return cleaned.Length == 0 ? "dataset" : cleaned[..Math.Min(cleaned.Length, 100)];
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$")]
    private static partial Regex Pattern();

    [GeneratedRegex("[^A-Za-z0-9 ._-]+")]
    private static partial Regex Invalid();
}
