namespace AutoMLPlatform.Cli.Connection;

/// <summary>
/// Where the platform listens and the key to call it with. Each comes from, in order: the flag (<c>--url</c>,
/// <c>--key</c>); the environment (<c>AUTOMLPLATFORM_URL</c>, <c>AUTOMLPLATFORM_KEY</c>); the profile named by
/// <c>--profile</c> or <c>AUTOMLPLATFORM_PROFILE</c> (else <c>default</c>, if the file has one) in the profile file
/// (<see cref="ProfileFile"/>); and last, <c>http://127.0.0.1:5000</c> and the bootstrap key file
/// <c>data/secrets/bootstrap.key</c> under the working directory (where the one-command start writes it).
/// </summary>
internal sealed record PlatformConnection(Uri BaseAddress, string Key)
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static PlatformConnection Resolve(string? url, string? key, string? profileName, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var profile = FindProfile(profileName ?? environment("AUTOMLPLATFORM_PROFILE"), environment);
        url ??= environment("AUTOMLPLATFORM_URL") ?? profile?.Url ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new CliUsageException($"'{url}' is not an http(s) URL of the platform.");
        }

        key ??= environment("AUTOMLPLATFORM_KEY") ?? profile?.Key ?? ReadBootstrapKey()
            ?? throw new CliUsageException("No API key: pass --key KEY, set AUTOMLPLATFORM_KEY, add one to a profile, or run from the directory holding data/secrets/bootstrap.key.");
        return new PlatformConnection(address, key.Trim());
    }

    private static Profile? FindProfile(string? name, Func<string, string?> environment)
    {
        var file = ProfileFile.Read(ProfileFile.PathFor(environment));
        if (name is null)
        {
            return file.Profiles.GetValueOrDefault(ProfileFile.DefaultProfile);
        }

        return file.Profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new CliUsageException($"There is no profile '{name}' in {file.Path}.");
    }

    private static string? ReadBootstrapKey()
    {
        var path = Path.Combine("data", "secrets", "bootstrap.key");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
