using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// Finds the master key: the configured key, else the <c>AUTOMLPLATFORM_MASTER_KEY</c> variable, else the configured key file, else
/// <c>{data directory}/secrets/master.key</c>, made on first start with owner-only permissions.
/// </summary>
public static class MasterKeySource
{
    public static MasterKey Load(SecurityOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MasterKey is { Length: > 0 } configured)
        {
            return MasterKey.FromBase64(configured, $"{SecurityOptions.SectionName}:{nameof(SecurityOptions.MasterKey)}");
        }

        if (Environment.GetEnvironmentVariable(SecurityOptions.MasterKeyVariable) is { Length: > 0 } fromEnvironment)
        {
            return MasterKey.FromBase64(fromEnvironment, SecurityOptions.MasterKeyVariable);
        }

        if (options.MasterKeyFile is { Length: > 0 } file)
        {
            return File.Exists(file)
                ? MasterKey.FromBase64(File.ReadAllText(file), file)
                : throw new InvalidMasterKeyException($"The master key file {file} does not exist.");
        }

        var defaultFile = Path.Combine(dataDirectory, "secrets", "master.key");
        if (File.Exists(defaultFile))
        {
            return MasterKey.FromBase64(File.ReadAllText(defaultFile), defaultFile);
        }

        var key = MasterKey.Generate();
        SecretFile.Write(defaultFile, key.ToBase64());
        return key;
    }

    /// <summary>The key being rotated out, when <see cref="SecurityOptions.PreviousMasterKey"/> or its file is set; else null.</summary>
    public static MasterKey? LoadPrevious(SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PreviousMasterKey is { Length: > 0 } configured)
        {
            return MasterKey.FromBase64(configured, $"{SecurityOptions.SectionName}:{nameof(SecurityOptions.PreviousMasterKey)}");
        }

        if (options.PreviousMasterKeyFile is { Length: > 0 } file)
        {
            return File.Exists(file)
                ? MasterKey.FromBase64(File.ReadAllText(file), file)
                : throw new InvalidMasterKeyException($"The previous master key file {file} does not exist.");
        }

        return null;
    }
}
