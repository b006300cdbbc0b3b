using System.CommandLine;
using AutoMLPlatform.Client.Models;

namespace AutoMLPlatform.Cli.Models;

/// <summary>
/// <c>automl models alias|split|promote-canary|clear-split</c>: an alias's traffic split (docs/feedback.md#canary-and-shadow).
/// A canary answers a share of the alias's requests by <c>X-Routing-Key</c>; a shadow scores every row without answering.
/// </summary>
internal static class SplitCommands
{
    public static IEnumerable<Command> Create(CliContext context) => [Show(context), Split(context), PromoteCanary(context), ClearSplit(context)];

    private static Command Show(CliContext context)
    {
        var model = ModelCommands.ModelOption();
        var alias = ModelCommands.AliasOption();
        var command = new Command("alias", "Show an alias: its version, canary and shadow.") { model, alias };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var shown = await client.Models.GetAliasAsync(result.GetRequiredValue(model), result.GetRequiredValue(alias), cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(Describe(shown.Model, shown.Alias, shown.Version, shown.Canary, shown.Shadow)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Split(CliContext context)
    {
        var model = ModelCommands.ModelOption();
        var version = ModelCommands.VersionOption(required: true);
        var alias = ModelCommands.AliasOption();
        var canary = VersionOptions.Create("--canary", "A version that answers --percent of the alias's requests");
        var percent = new Option<double?>("--percent") { Description = "The canary's share of requests, 0-100", HelpName = "P" };
        var shadow = VersionOptions.Create("--shadow", "A version that scores every row in the shadow (logged, never returned)");
        var command = new Command("split", "Point an alias at a version with a canary and/or a shadow; the alias's state is replaced.")
        {
            model, version, alias, canary, percent, shadow,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(canary) is null) != (result.GetResult(percent) is null))
            {
                result.AddError("Give --canary N and --percent P together.");
            }

            if (result.GetResult(canary) is null && result.GetResult(shadow) is null)
            {
                result.AddError("Give a canary (--canary N --percent P), a shadow (--shadow N), or both; models promote sets a version alone.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var (name, aliasName, number) = (result.GetRequiredValue(model), result.GetRequiredValue(alias), result.GetValue(version)!.Value);
            var canaryTarget = result.GetValue(canary) is { } c ? new CanaryTarget(c, result.GetValue(percent)!.Value) : null;
            var shadowTarget = result.GetValue(shadow) is { } s ? new ShadowTarget(s) : null;
            await client.Models.SetSplitAsync(name, number, canaryTarget, shadowTarget, aliasName, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(Describe(name, aliasName, number, canaryTarget, shadowTarget)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command PromoteCanary(CliContext context)
    {
        var model = ModelCommands.ModelOption();
        var alias = ModelCommands.AliasOption();
        var command = new Command("promote-canary", "Make the alias's canary its version and clear the split (models rollback undoes it).") { model, alias };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var change = await client.Models.PromoteCanaryAsync(result.GetRequiredValue(model), result.GetRequiredValue(alias), cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(ModelCommands.Moved(change)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ClearSplit(CliContext context)
    {
        var model = ModelCommands.ModelOption();
        var alias = ModelCommands.AliasOption();
        var command = new Command("clear-split", "Remove the alias's canary and shadow: its version answers every request again.") { model, alias };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var change = await client.Models.ClearSplitAsync(result.GetRequiredValue(model), result.GetRequiredValue(alias), cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(Describe(change.Model, change.Alias, change.Version, null, null)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(string model, string alias, int version, CanaryTarget? canary, ShadowTarget? shadow) =>
        FormattableString.Invariant($"{model} {alias}: version {version}")
        + (canary is null ? "" : FormattableString.Invariant($", canary version {canary.Version} at {canary.Percent:0.##} %"))
        + (shadow is null ? "" : FormattableString.Invariant($", shadow version {shadow.Version}"))
        + (canary is null && shadow is null ? ", no split" : "");
}
