using System.Globalization;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Cli.Admin;

/// <summary>
/// <c>automl audit verify</c>, <c>automl tenants …</c> and <c>automl keys …</c>: the platform's administration over
/// its HTTP API, so the same checks (key, scope, tenant) and the same audit entries apply as for any other caller.
/// Answers are printed as JSON on stdout; <c>audit verify</c> prints one line and exits 3 when the chain is broken.
/// </summary>
internal sealed class AdminCommand(TextWriter stdout, HttpMessageHandler? handler = null)
{
    public const int BrokenChainExitCode = 3;

    public const string Usage =
        "       automl audit verify [--url URL] [--key KEY]\n" +
        "       automl tenants list|create NAME [--url URL] [--key KEY]\n" +
        "       automl keys list|create NAME --scopes SCOPE,SCOPE... [--expires ISO-8601]|revoke ID [--url URL] [--key KEY]";

    public async Task<int> RunAsync(string[] args, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var (connection, command) = PlatformConnection.Parse(args, environment);
        using var client = new PlatformClient(connection, handler);
        switch (command)
        {
            case ["audit", "verify"]:
                return await VerifyAsync(client, cancellationToken).ConfigureAwait(false);
            case ["tenants", "list"]:
                return await PrintAsync(client.GetAsync("/api/tenants", cancellationToken)).ConfigureAwait(false);
            case ["tenants", "create", var name]:
                return await PrintAsync(client.PostAsync("/api/tenants", new { name }, cancellationToken)).ConfigureAwait(false);
            case ["keys", "list"]:
                return await PrintAsync(client.GetAsync("/api/keys", cancellationToken)).ConfigureAwait(false);
            case ["keys", "create", var name, .. var options]:
                return await PrintAsync(client.PostAsync("/api/keys", KeyRequest(name, options), cancellationToken)).ConfigureAwait(false);
            case ["keys", "revoke", var id]:
                await client.DeleteAsync($"/api/keys/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync($"revoked key {id}").ConfigureAwait(false);
                return 0;
            default:
                throw new CliUsageException($"Unknown command '{string.Join(" ", command)}'.\n{Usage}");
        }
    }

    private async Task<int> VerifyAsync(PlatformClient client, CancellationToken cancellationToken)
    {
        var result = await client.GetAsync("/api/audit/verify", cancellationToken).ConfigureAwait(false);
        var entries = (int?)result["entries"] ?? 0;
        if ((bool?)result["intact"] == true)
        {
            await stdout.WriteLineAsync($"audit chain intact: {entries} entries").ConfigureAwait(false);
            return 0;
        }

        await stdout.WriteLineAsync($"audit chain broken at entry {(long?)result["brokenAt"]}: {(string?)result["reason"]}").ConfigureAwait(false);
        return BrokenChainExitCode;
    }

    private async Task<int> PrintAsync(Task<JsonNode> call)
    {
        await stdout.WriteLineAsync((await call.ConfigureAwait(false)).ToJsonString()).ConfigureAwait(false);
        return 0;
    }

    private static object KeyRequest(string name, string[] options)
    {
        string[]? scopes = null;
        DateTimeOffset? expires = null;
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--scopes" when i + 1 < options.Length:
                    scopes = options[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--expires" when i + 1 < options.Length:
                    expires = DateTimeOffset.TryParse(options[++i], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                        ? at
                        : throw new CliUsageException($"--expires takes an ISO-8601 time, not '{options[i]}'.");
                    break;
                default:
                    throw new CliUsageException($"Unknown or incomplete option '{options[i]}' for keys create.");
            }
        }

        return new { name, scopes = scopes ?? throw new CliUsageException("keys create needs --scopes, e.g. --scopes predict or --scopes train,read."), expiresAt = expires };
    }
}
