namespace AutoMLPlatform.Server.Hangfire;

/// <summary>
/// The name this process gives its Hangfire server: the machine's, plus a random suffix, so that the health check finds
/// this server's heartbeat among every worker's (Hangfire names a server <c>name:pid:guid</c>, in lower case), even
/// for two hosts in one process.
/// </summary>
internal sealed class HangfireServerName
{
    public HangfireServerName() => Value = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();

    public string Value { get; }

    public bool Owns(string serverId) =>
        serverId.StartsWith(Value + ":", StringComparison.OrdinalIgnoreCase);
}
