using System.CommandLine;
using System.Globalization;
using AutoMLPlatform.Client;
using AutoMLPlatform.Client.Datasets;
using Spectre.Console;

namespace AutoMLPlatform.Cli.Datasets;

/// <summary><c>automl datasets upload|list|show</c>.</summary>
internal static class DatasetCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("datasets", "Upload tables (CSV, TSV) or image zips, list them, show a dataset's schema.");
        command.Subcommands.Add(Upload(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        return command;
    }

    private static Command Upload(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A .csv or .tsv table, or a .zip of image class folders" };
        file.AcceptExistingOnly();
        var name = new Option<string>("--name") { Description = "The dataset's name (the same name adds a version) [default: the file's name]" };
        var append = new Option<bool>("--append") { Description = "Add the file's rows to the newest version instead of replacing it" };
        var sensitive = new Option<string>("--sensitive") { Description = "Columns to treat as personal data: COLUMN,COLUMN..." };
        var hash = new Option<string>("--hash-columns") { Description = "Sensitive columns to train on as keyed hashes: COLUMN,COLUMN..." };
        var output = OutputOptions.Create(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("upload", "Upload a file as a new dataset version (streamed, with progress on a terminal).") { file, name, append, sensitive, hash, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var path = result.GetRequiredValue(file).FullName;
            var upload = new DatasetUpload(result.GetValue(name), result.GetValue(append) ? UploadMode.Append : UploadMode.Replace,
                Columns(result.GetValue(sensitive)), Columns(result.GetValue(hash)));
            var dataset = context.IsTerminal
                ? await UploadWithProgressAsync(context, client, path, upload, cancellationToken).ConfigureAwait(false)
                : await client.Datasets.UploadFileAsync(path, upload, null, cancellationToken).ConfigureAwait(false);
            await PrintAsync(context, dataset, OutputOptions.Read(result, output)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var output = OutputOptions.Create(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("list", "The tenant's datasets, newest first, with their newest version.") { output };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var page = await client.Datasets.ListAsync(0, 500, cancellationToken).ConfigureAwait(false);
            if (OutputOptions.Read(result, output) == OutputFormat.Json)
            {
                await context.WriteJsonAsync(page.Items).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("name", "version", "rows", "columns", "format", "size", "created", "id");
            foreach (var d in page.Items)
            {
                table.AddRow(Markup.Escape(d.Name), N(d.Version), N(d.RowCount), N(d.Schema.Columns.Count), d.Format, Size(d.SizeBytes), Time(d.CreatedAt), d.Id.ToString());
            }

            context.Console().Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var dataset = new Argument<string>("DATASET") { Description = "The dataset's name or id" };
        var version = VersionOptions.Create("--version", "A version [default: the newest]");
        var output = OutputOptions.Create(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("show", "A dataset version: its versions and its inferred schema.") { dataset, version, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var found = await DatasetLookup.FindAsync(client, result.GetRequiredValue(dataset), cancellationToken).ConfigureAwait(false);
            var shown = result.GetValue(version) is { } number && number != found.Version
                ? await client.Datasets.GetVersionAsync(found.Id, number, cancellationToken).ConfigureAwait(false) with { Versions = found.Versions }
                : await client.Datasets.GetAsync(found.Id, cancellationToken).ConfigureAwait(false);
            await PrintAsync(context, shown, OutputOptions.Read(result, output)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<Dataset> UploadWithProgressAsync(CliContext context, AutoMLPlatformClient client, string path, DatasetUpload upload,
        CancellationToken cancellationToken)
    {
        Dataset? dataset = null;
        await context.Console().Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask(Markup.Escape(Path.GetFileName(path)), maxValue: Math.Max(1, new FileInfo(path).Length));
            var report = new Progress<UploadProgress>(p => task.Value = p.BytesSent);
            dataset = await client.Datasets.UploadFileAsync(path, upload, report, cancellationToken).ConfigureAwait(false);
            task.Value = task.MaxValue;
        }).ConfigureAwait(false);
        return dataset!;
    }

    private static async Task PrintAsync(CliContext context, Dataset dataset, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            await context.WriteJsonAsync(dataset).ConfigureAwait(false);
            return;
        }

        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{dataset.Name} version {dataset.Version}: {dataset.RowCount} rows, {dataset.Schema.Columns.Count} columns, {Size(dataset.SizeBytes)} ({dataset.Format}), id {dataset.Id}")).ConfigureAwait(false);
        if (dataset.Versions is { Count: > 1 } versions)
        {
            await context.Out.WriteLineAsync("versions: " + string.Join(", ", versions.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Version} ({v.RowCount} rows)"))))
                .ConfigureAwait(false);
        }

        var table = new Table().AddColumns("column", "type", "missing", "distinct", "min", "max", "mean", "personal data");
        foreach (var c in dataset.Schema.Columns)
        {
            table.AddRow(Markup.Escape(c.Name), c.Type, N(c.MissingCount), (c.DistinctCountCapped ? "≥" : "") + N(c.DistinctCount),
                D(c.Numeric?.Min), D(c.Numeric?.Max), D(c.Numeric?.Mean), c.Sensitive is { } s && s.TryGetProperty("kind", out var kind) ? Markup.Escape(kind.ToString()) : "");
        }

        context.Console().Write(table);
    }

    private static string[]? Columns(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double? value) => value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
