namespace AutoMLPlatform.Cli.Admin;

/// <summary>
/// Where the platform listens and the key to call it with. The URL comes from <c>--url</c>, else
/// <c>AUTOMLPLATFORM_URL</c>, else <c>http://127.0.0.1:5000</c>; the key from <c>--key</c>, else
/// <c>AUTOMLPLATFORM_KEY</c>, else the bootstrap key file <c>data/secrets/bootstrap.key</c> under the working directory
/// (where the one-command start writes it).
/// </summary>
internal sealed record PlatformConnection(Uri BaseAddress, string Key)
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static (PlatformConnection Connection, string[] Command) Parse(string[] args, Func<string, string?> environment)
    {
        string? url = null;
        string? key = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url":
                    url = CliArguments.Value(args, ref i);
                    break;
                case "--key":
                    key = CliArguments.Value(args, ref i);
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        url ??= environment("AUTOMLPLATFORM_URL") ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new CliUsageException($"'{url}' is not an http(s) URL of the platform.");
        }

        key ??= environment("AUTOMLPLATFORM_KEY") ?? ReadBootstrapKey()
            ?? throw new CliUsageException("No API key: pass --key KEY, set AUTOMLPLATFORM_KEY, or run from the directory holding data/secrets/bootstrap.key.");
        return (new PlatformConnection(address, key.Trim()), rest.ToArray());
    }

    private static string? ReadBootstrapKey()
    {
        var path = Path.Combine("data", "secrets", "bootstrap.key");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
