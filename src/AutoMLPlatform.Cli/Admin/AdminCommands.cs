using System.CommandLine;
using System.Globalization;
using AutoMLPlatform.Client.Access;

namespace AutoMLPlatform.Cli.Admin;

/// <summary>
/// <c>automl audit verify</c>, <c>automl tenants …</c> and <c>automl keys …</c>: administration over the HTTP API, so the
/// same checks (key, scope, tenant) and audit entries apply as for any caller. Answers are JSON on stdout;
/// <c>audit verify</c> prints one line and exits <see cref="ExitCodes.CheckFailed"/> when the chain is broken.
/// </summary>
internal static class AdminCommands
{
    public static IEnumerable<Command> Create(CliContext context) => [Audit(context), Tenants(context), Keys(context)];

    private static Command Audit(CliContext context)
    {
        var verify = new Command("verify", "Check the whole audit hash chain (system admin). Exit code 4 when it is broken.");
        verify.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var check = await client.Audit.VerifyAsync(cancellationToken).ConfigureAwait(false);
            if (check.Intact)
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit chain intact: {check.Entries} entries")).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit chain broken at entry {check.BrokenAt}: {check.Reason}")).ConfigureAwait(false);
            return ExitCodes.CheckFailed;
        });
        var list = new Command("list", "The tenant's audit entries, newest first, as JSON (admin scope).");
        list.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            await context.WriteJsonAsync((await client.Audit.ListAsync(0, 500, cancellationToken).ConfigureAwait(false)).Items).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return new Command("audit", "The audit trail.") { verify, list };
    }

    private static Command Tenants(CliContext context)
    {
        var list = new Command("list", "Every tenant, as JSON (system admin).");
        list.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            await context.WriteJsonAsync(await client.Tenants.ListAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        var name = new Argument<string>("NAME") { Description = "The tenant's name" };
        var create = new Command("create", "Create a tenant; the JSON answer holds its first admin key, shown once.") { name };
        create.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            await context.WriteJsonAsync(await client.Tenants.CreateAsync(result.GetRequiredValue(name), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return new Command("tenants", "Tenants (system admin).") { list, create };
    }

    private static Command Keys(CliContext context)
    {
        var list = new Command("list", "The tenant's keys (never the keys themselves), as JSON.");
        list.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            await context.WriteJsonAsync(await client.Keys.ListAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            return ExitCodes.Success;
        });

        var name = new Argument<string>("NAME") { Description = "What the key is for" };
        var scopes = new Option<string>("--scopes") { Description = "admin, train, read, predict, feedback: SCOPE,SCOPE...", Required = true };
        var expires = new Option<DateTimeOffset?>("--expires")
        {
            Description = "When the key stops working (ISO-8601, UTC unless it says)",
            CustomParser = argument =>
            {
                var text = argument.Tokens.Count > 0 ? argument.Tokens[0].Value : "";
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    return at;
                }

                argument.AddError($"--expires takes an ISO-8601 time, not '{text}'.");
                return null;
            },
        };
        var create = new Command("create", "Create a key of this tenant; the JSON answer holds the key, shown once.") { name, scopes, expires };
        create.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var granted = result.GetRequiredValue(scopes).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var created = await client.Keys.CreateAsync(result.GetRequiredValue(name), granted, result.GetValue(expires), cancellationToken).ConfigureAwait(false);
            await context.WriteJsonAsync(created).ConfigureAwait(false);
            return ExitCodes.Success;
        });

        var id = new Argument<string>("ID") { Description = "The key's id (from keys list)" };
        var revoke = new Command("revoke", "Revoke a key; every process stops accepting it within a second.") { id };
        revoke.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var text = result.GetRequiredValue(id);
            await client.Keys.RevokeAsync(ApiKeyId.TryParse(text, out var keyId) ? keyId : throw new CliUsageException($"'{text}' is not a key id (a GUID)."), cancellationToken)
                .ConfigureAwait(false);
            await context.Out.WriteLineAsync($"revoked key {text}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return new Command("keys", "API keys of your tenant (admin scope).") { list, create, revoke };
    }
}
