using System.CommandLine;
using System.Globalization;
using AutoMLPlatform.Client.Feedback;

namespace AutoMLPlatform.Cli.Feedback;

/// <summary>
/// <c>automl feedback log|send|quality|dataset</c>: the loop from production back to training (docs/feedback.md).
/// Each command is one call of <see cref="FeedbackClient"/>; the output is in <see cref="FeedbackPrinter"/>.
/// </summary>
internal static class FeedbackCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("feedback", "The prediction log, true outcomes, live quality, and a dataset of what production saw.");
        command.Subcommands.Add(Log(context));
        command.Subcommands.Add(Send(context));
        command.Subcommands.Add(Quality(context));
        command.Subcommands.Add(Dataset(context));
        return command;
    }

    private static Command Log(CliContext context)
    {
        var model = ModelOption();
        var rate = new Option<double?>("--sample-rate") { Description = "The share of predicted rows to log: 0 (off) to 1 (every row)", HelpName = "R" };
        var retention = new Option<int?>("--retention-days") { Description = "How long logged rows are kept (1-3650)", HelpName = "D" };
        var command = new Command("log", "Show a model's prediction log settings, or switch it with --sample-rate and/or --retention-days.") { model, rate, retention };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var name = result.GetRequiredValue(model);
            var settings = await client.Feedback.GetLogSettingsAsync(name, cancellationToken).ConfigureAwait(false);
            if (result.GetValue(rate) is not null || result.GetValue(retention) is not null)
            {
                var wanted = new PredictionLogSettings(result.GetValue(rate) ?? settings.SampleRate, result.GetValue(retention) ?? settings.RetentionDays);
                settings = await client.Feedback.SetLogSettingsAsync(name, wanted, cancellationToken).ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync(FeedbackPrinter.Settings(name, settings)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Send(CliContext context)
    {
        var model = ModelOption();
        var file = new Option<FileInfo>("--file")
        {
            Description = "A CSV of outcomes: predictionId and label (or value), optionally observedAt; any length, streamed",
            Required = true,
        };
        file.AcceptExistingOnly();
        var command = new Command("send", "Send the true outcomes of logged predictions (a key with the feedback scope is enough).") { model, file };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            await using var csv = File.OpenRead(result.GetRequiredValue(file).FullName);
            var sent = await client.Feedback.SendCsvAsync(result.GetRequiredValue(model), csv, cancellationToken).ConfigureAwait(false);
            foreach (var line in FeedbackPrinter.Sent(sent))
            {
                await context.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (sent.Rejected == 0)
            {
                return ExitCodes.Success;
            }

            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"automl: {sent.Rejected} of {sent.Accepted + sent.Replaced + sent.Rejected} outcomes were refused (the first ones are listed above); the others are stored"))
                .ConfigureAwait(false);
            return ExitCodes.Refused;
        });
        return command;
    }

    private static Command Quality(CliContext context)
    {
        var model = ModelOption();
        var version = VersionOptions.Create("--version", "The version number", required: true);
        var from = TimeOption("--from", "Start of the range [default: 7 days before --to]");
        var to = TimeOption("--to", "End of the range, excluded [default: now]");
        var window = new Option<string>("--window") { Description = "Length of each window", DefaultValueFactory = _ => "day", HelpName = "day|hour" };
        window.AcceptOnlyFromAmong("day", "hour");
        var output = OutputOptions.Create(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("quality", "A version's live metrics over the predictions that have outcomes, in total and per window.")
        {
            model, version, from, to, window, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var granularity = result.GetValue(window) == "hour" ? QualityGranularity.Hour : QualityGranularity.Day;
            var quality = await client.Feedback.GetQualityAsync(result.GetRequiredValue(model), result.GetValue(version)!.Value, result.GetValue(from),
                result.GetValue(to), granularity, cancellationToken).ConfigureAwait(false);
            if (OutputOptions.Read(result, output) == OutputFormat.Json)
            {
                await context.WriteJsonAsync(quality).ConfigureAwait(false);
            }
            else
            {
                context.Console().Write(FeedbackPrinter.Quality(quality));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Dataset(CliContext context)
    {
        var model = ModelOption();
        var version = VersionOptions.Create("--version", "The version whose logged predictions to take", required: true);
        var dataset = new Option<string>("--dataset") { Description = "The dataset to add a version to (made if new)", Required = true };
        var from = TimeOption("--from", "Start of the range [default: 30 days before --to]");
        var to = TimeOption("--to", "End of the range, excluded [default: now]");
        var command = new Command("dataset", "Turn a version's logged predictions that have outcomes into a new dataset version to retrain on.")
        {
            model, version, dataset, from, to,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var (name, number) = (result.GetRequiredValue(model), result.GetValue(version)!.Value);
            var added = await client.Feedback.CreateDatasetAsync(name, number, result.GetRequiredValue(dataset), result.GetValue(from), result.GetValue(to),
                cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{added.Name} version {added.Version}: {added.RowCount} rows from the outcomes of {name} version {number} ({added.Id})")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> ModelOption() => new("--model") { Description = "The model's name", Required = true };

    private static Option<DateTimeOffset?> TimeOption(string name, string description) => new(name)
    {
        Description = description + " (ISO 8601, e.g. 2026-12-01T00:00:00Z)",
        HelpName = "TIME",
        CustomParser = argument =>
        {
            var text = argument.Tokens.Count > 0 ? argument.Tokens[0].Value : "";
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return time;
            }

            argument.AddError($"{name} takes a time such as 2026-12-01T00:00:00Z, not '{text}'.");
            return null;
        },
    };
}
