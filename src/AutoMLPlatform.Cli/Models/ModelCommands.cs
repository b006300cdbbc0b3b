using System.CommandLine;
using System.Globalization;
using AutoMLPlatform.Client;
using AutoMLPlatform.Client.Models;
using Spectre.Console;

namespace AutoMLPlatform.Cli.Models;

/// <summary>
/// <c>automl models list|versions|promote|rollback|report|export</c> (and the traffic-split commands of
/// <see cref="SplitCommands"/>), and the older top-level forms
/// <c>automl report …</c> and <c>automl export --onnx …</c>, which run the same commands.
/// </summary>
internal static class ModelCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("models", "The model registry: models, versions, promotion and rollback, reports, ONNX export.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Versions(context));
        command.Subcommands.Add(Promote(context));
        command.Subcommands.Add(Rollback(context));
        foreach (var split in SplitCommands.Create(context))
        {
            command.Subcommands.Add(split);
        }

        command.Subcommands.Add(Report(context, "report"));
        command.Subcommands.Add(Export(context, "export"));
        return command;
    }

    /// <summary>The evaluation report of a version, printed for a person.</summary>
    public static Command Report(CliContext context, string name)
    {
        var model = ModelOption();
        var version = VersionOption(required: true);
        var command = new Command(name, "A version's evaluation report: metrics, per-class table, confusion matrix, top feature importances.") { model, version };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var report = await client.Models.GetReportAsync(result.GetRequiredValue(model), result.GetValue(version)!.Value, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteAsync(ReportPrinter.Format(report)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// A version as an ONNX file. It is written under a temporary name and renamed, so a failed export never leaves a
    /// half file at the path asked for.
    /// </summary>
    /// <param name="context">The command line's context.</param>
    /// <param name="name">The command's name.</param>
    /// <param name="requireOnnx">True for the older top-level form, which always said <c>--onnx</c>.</param>
    public static Command Export(CliContext context, string name, bool requireOnnx = false)
    {
        var model = ModelOption();
        var version = VersionOption(required: true);
        var output = new Option<FileInfo>("--out") { Description = "The file to write", Required = true };
        var onnx = new Option<bool>("--onnx") { Description = "ONNX, the format models are exported in" + (requireOnnx ? "" : " (the default)") };
        var command = new Command(name, "Write a version as an ONNX file (422 names the step that has no ONNX form).") { model, version, output, onnx };
        command.Validators.Add(result =>
        {
            if (requireOnnx && result.GetResult(onnx) is null)
            {
                result.AddError($"{name} needs --onnx: ONNX is the format models are exported in.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var target = result.GetRequiredValue(output).FullName;
            var staging = $"{target}.{Guid.NewGuid():N}.partial";
            var (modelName, number) = (result.GetRequiredValue(model), result.GetValue(version)!.Value);
            try
            {
                await using (var file = File.Create(staging))
                {
                    await client.Models.ExportOnnxAsync(modelName, number, file, cancellationToken).ConfigureAwait(false);
                }

                File.Move(staging, target, overwrite: true);
            }
            finally
            {
                File.Delete(staging);
            }

            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {target} ({new FileInfo(target).Length} bytes): {modelName} version {number} as ONNX")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var output = OutputOptions.Create(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("list", "Registered models with their newest version and aliases.") { output };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var page = await client.Models.ListAsync(0, 500, cancellationToken).ConfigureAwait(false);
            if (OutputOptions.Read(result, output) == OutputFormat.Json)
            {
                await context.WriteJsonAsync(page.Items).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("model", "latest", "aliases", "created");
            foreach (var m in page.Items)
            {
                table.AddRow(Markup.Escape(m.Name), N(m.LatestVersion), Markup.Escape(Aliases(m)), m.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }

            context.Console().Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Versions(CliContext context)
    {
        var model = ModelOption();
        var output = OutputOptions.Create(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("versions", "A model's versions, newest first: metric, trainer, aliases, lineage.") { model, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var versions = await client.Models.ListVersionsAsync(result.GetRequiredValue(model), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (OutputOptions.Read(result, output) == OutputFormat.Json)
            {
                await context.WriteJsonAsync(versions).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("version", "task", "metric", "score", "trainer", "aliases", "dataset", "created");
            foreach (var v in versions)
            {
                table.AddRow(N(v.Version), v.Task, Markup.Escape(v.Metric), v.Metrics.TryGetValue(v.Metric, out var score) ? score.ToString("0.0000", CultureInfo.InvariantCulture) : "",
                    Markup.Escape(v.Lineage.Trainer), Markup.Escape(string.Join(", ", v.Aliases)) + (v.DeletedAt is null ? "" : "(deleted)"),
                    $"{v.Lineage.DatasetId} v{N(v.Lineage.DatasetVersion)}", v.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }

            context.Console().Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Promote(CliContext context)
    {
        var model = ModelOption();
        var version = VersionOption(required: true);
        var alias = AliasOption();
        var command = new Command("promote", "Point an alias (production by default) at a version; scoring follows within a second.") { model, version, alias };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var change = await client.Models.PromoteAsync(result.GetRequiredValue(model), result.GetValue(version)!.Value, result.GetRequiredValue(alias), cancellationToken)
                .ConfigureAwait(false);
            await context.Out.WriteLineAsync(Moved(change)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rollback(CliContext context)
    {
        var model = ModelOption();
        var alias = AliasOption();
        var command = new Command("rollback", "Point an alias back at the version it pointed at before its last move.") { model, alias };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var change = await client.Models.RollbackAsync(result.GetRequiredValue(model), result.GetRequiredValue(alias), cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(Moved(change)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Moved(AliasChange change) => string.Create(CultureInfo.InvariantCulture,
        $"{change.Model} {change.Alias}: version {(change.PreviousVersion is { } previous ? previous.ToString(CultureInfo.InvariantCulture) : "none")} -> {change.Version}");

    internal static Option<string> ModelOption() => new("--model") { Description = "The model's name", Required = true };

    internal static Option<int?> VersionOption(bool required) => VersionOptions.Create("--version", "The version number", required);

    internal static Option<string> AliasOption() => new("--alias") { Description = "The alias", DefaultValueFactory = _ => ModelsClient.ProductionAlias };

    private static string Aliases(RegisteredModel model) =>
        string.Join(", ", model.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} -> v{a.Value}")));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
