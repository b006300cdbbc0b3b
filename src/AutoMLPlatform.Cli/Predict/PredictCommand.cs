using System.CommandLine;
using System.Text.Json;
using AutoMLPlatform.Client;
using AutoMLPlatform.Client.Predictions;
using AutoMLPlatform.Core.Tables;
using Spectre.Console;

namespace AutoMLPlatform.Cli.Predict;

/// <summary>
/// <c>automl predict</c>: rows from a CSV file (sent to the batch endpoint, streamed) or JSON (a file or inline; one
/// object or an array), printed as a table, JSON or CSV. CSV in and CSV out streams both ways; the other combinations
/// hold the answer in memory to format it.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "The model's name", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "Rows: a .csv file with a header row, or a .json file (an object or an array of objects)" };
        file.AcceptExistingOnly();
        var json = new Option<string>("--json") { Description = "Rows as inline JSON, e.g. '{\"x1\": 0.5}'" };
        var version = VersionOptions.Create("--version", "A version [default: the one behind production]");
        var alias = new Option<string>("--alias") { Description = "An alias instead of production" };
        var id = new Option<string>("--id") { Description = "CSV only: an input column copied first into the output, to join rows back" };
        var routingKey = new Option<string>("--routing-key") { Description = "Sent as X-Routing-Key: with a canary on the alias, one key is always answered by one version" };
        var explain = new Option<bool>("--explain") { Description = "JSON only: add each prediction's per-column contributions (at most 10 rows)" };
        var output = OutputOptions.Create(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var command = new Command("predict", "Predict with a model: rows from a CSV or JSON file, or inline JSON.") { model, file, json, version, alias, id, routingKey, explain, output };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(file) is null) == (result.GetResult(json) is null))
            {
                result.AddError("Give the rows with exactly one of --file ROWS.csv|ROWS.json and --json '{...}'.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var format = OutputOptions.Read(result, output);
            var path = result.GetValue(file)?.FullName;
            if (path is not null && !Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
            {
                var options = new BatchPredictOptions(result.GetValue(version), result.GetValue(alias), result.GetValue(id), result.GetValue(routingKey));
                await PredictCsvAsync(context, client, result.GetRequiredValue(model), path, options, format, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            using var rows = path is null ? Parse(result.GetValue(json)!, "--json") : Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
            var answer = await client.Predictions.PredictJsonAsync(result.GetRequiredValue(model), rows.RootElement,
                new PredictOptions(result.GetValue(version), result.GetValue(alias), result.GetValue(explain), result.GetValue(routingKey)), cancellationToken)
                .ConfigureAwait(false);
            if (format == OutputFormat.Json)
            {
                await context.WriteJsonAsync(answer).ConfigureAwait(false);
            }
            else
            {
                await WriteAsync(context, PredictionGrid.FromJson(answer), format, cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task PredictCsvAsync(CliContext context, AutoMLPlatformClient client, string model, string path, BatchPredictOptions options, OutputFormat format,
        CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(path);
        if (format == OutputFormat.Csv)
        {
            await using var stdout = new TextWriterStream(context.Out);
            await client.Predictions.PredictCsvAsync(model, input, stdout, options, cancellationToken).ConfigureAwait(false);
            await context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var answer = new MemoryStream();
        await client.Predictions.PredictCsvAsync(model, input, answer, options, cancellationToken).ConfigureAwait(false);
        answer.Position = 0;
        var grid = await PredictionGrid.FromCsvAsync(answer, cancellationToken).ConfigureAwait(false);
        if (format == OutputFormat.Json)
        {
            await context.WriteJsonAsync(grid.AsObjects()).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, grid, format, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(CliContext context, PredictionGrid grid, OutputFormat format, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Csv)
        {
            await CsvWriter.WriteRecordAsync(context.Out, grid.Columns, ',', cancellationToken).ConfigureAwait(false);
            foreach (var row in grid.Rows)
            {
                await CsvWriter.WriteRecordAsync(context.Out, row, ',', cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var table = new Table();
        foreach (var column in grid.Columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in grid.Rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        context.Console().Write(table);
    }

    private static JsonDocument Parse(string text, string source)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"{source} is not JSON: {ex.Message}");
        }
    }
}
