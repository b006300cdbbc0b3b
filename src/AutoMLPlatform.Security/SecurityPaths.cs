namespace AutoMLPlatform.Security;

/// <summary>Where the security files live under the platform's data directory.</summary>
public sealed class SecurityPaths(string dataDirectory)
{
    public string DataDirectory { get; } = dataDirectory;

    public string SecretsDirectory => Path.Combine(DataDirectory, "secrets");

    public string BootstrapKeyFile => Path.Combine(SecretsDirectory, "bootstrap.key");
}
