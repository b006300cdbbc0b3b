using System.Text.Json;

namespace AutoMLPlatform.Cli.Connection;

/// <summary>
/// Named connections in a JSON file, so that scripts need no flags:
/// <c>{"profiles": {"default": {"url": "http://127.0.0.1:5000", "key": "..."}, "prod": {...}}}</c>. The file is
/// <c>AUTOMLPLATFORM_CONFIG</c>, else <c>$XDG_CONFIG_HOME/automl/config.json</c>, else <c>~/.config/automl/config.json</c>.
/// </summary>
internal sealed record ProfileFile(string Path, IReadOnlyDictionary<string, Profile> Profiles)
{
    public const string DefaultProfile = "default";

    /// <summary>The profile file's path for this environment; null when the environment names no home.</summary>
    public static string? PathFor(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("AUTOMLPLATFORM_CONFIG") is { Length: > 0 } configured)
        {
            return configured;
        }

        var configHome = environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg
            : environment("HOME") is { Length: > 0 } home ? System.IO.Path.Combine(home, ".config")
            : null;
        return configHome is null ? null : System.IO.Path.Combine(configHome, "automl", "config.json");
    }

    /// <summary>The file's profiles; none when there is no such file. A file that is not a profile file is a usage error naming it.</summary>
    public static ProfileFile Read(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return new ProfileFile(path ?? "(no profile file: HOME is not set)", new Dictionary<string, Profile>());
        }

        try
        {
            var document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json);
            return new ProfileFile(path, document?.Profiles ?? new Dictionary<string, Profile>());
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"The profile file {path} is not valid: {ex.Message}");
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private sealed record Document(Dictionary<string, Profile>? Profiles);
}

/// <summary>One named connection: the platform's URL and the API key.</summary>
internal sealed record Profile(string? Url, string? Key);
