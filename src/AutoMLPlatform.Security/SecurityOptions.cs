using System.ComponentModel.DataAnnotations;

namespace AutoMLPlatform.Security;

/// <summary>Keys, encryption and limits. Bound from <c>AutoMLPlatform:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "AutoMLPlatform:Security";

    /// <summary>The environment variable holding the master key (base64 of 32 bytes), checked before the key file.</summary>
    public const string MasterKeyVariable = "AUTOMLPLATFORM_MASTER_KEY";

    /// <summary>The environment variable naming the first admin key, used when no key exists yet.</summary>
    public const string BootstrapKeyVariable = "AUTOMLPLATFORM_BOOTSTRAP_KEY";

    /// <summary>The first admin key, used only when no key exists; <c>AUTOMLPLATFORM_BOOTSTRAP_KEY</c> when unset.</summary>
    public string? BootstrapKey { get; set; }

    /// <summary>The master key itself (base64 of 32 bytes); <c>AUTOMLPLATFORM_MASTER_KEY</c> when unset, then the key file.</summary>
    public string? MasterKey { get; set; }

    /// <summary>
    /// The file holding the master key (base64). When neither it nor <see cref="MasterKeyVariable"/> is set, the key
    /// lives in <c>{data directory}/secrets/master.key</c>, made (mode 0600) on first start.
    /// </summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>
    /// During a master key rotation, the key being replaced (base64), or <see cref="PreviousMasterKeyFile"/>: at start,
    /// every data key still wrapped by it is re-wrapped under the current master key. Blobs are not rewritten. Remove
    /// the setting once the platform has started with it.
    /// </summary>
    public string? PreviousMasterKey { get; set; }

    /// <summary>The file holding the master key being replaced; see <see cref="PreviousMasterKey"/>.</summary>
    public string? PreviousMasterKeyFile { get; set; }

    /// <summary>Most bytes one tenant may store (dataset versions and model artifacts together).</summary>
    /// <value>Defaults to 20 GiB.</value>
    [Range(1, long.MaxValue)]
    public long MaxStoredBytesPerTenant { get; set; } = 20L << 30;

    /// <summary>Most jobs one tenant may have queued or running at once.</summary>
    /// <value>Defaults to 8.</value>
    [Range(1, 10_000)]
    public int MaxActiveJobsPerTenant { get; set; } = 8;

    /// <summary>Prediction requests one tenant may make per second (a token bucket, bursts up to twice this).</summary>
    /// <value>Defaults to 100,000: a limit against runaway clients, far above what one machine serves.</value>
    [Range(1, int.MaxValue)]
    public int PredictionsPerSecondPerTenant { get; set; } = 100_000;

    /// <summary>How long a validated key is trusted before it is looked up again: the bound on revocation delay.</summary>
    /// <value>Defaults to 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a process uses a tenant's data key from memory before the store confirms it again, and how often it drops
    /// the keys of deleted tenants: the bound on how long any process (api, worker, scoring) can still encrypt or decrypt
    /// a deleted tenant's data.
    /// </summary>
    /// <value>Defaults to 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan DataKeyRecheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
