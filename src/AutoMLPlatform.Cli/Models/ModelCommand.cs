using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoMLPlatform.Cli.Admin;

namespace AutoMLPlatform.Cli.Models;

/// <summary>
/// <c>automl export --onnx</c> and <c>automl report</c>: a model version's ONNX file and its evaluation report, over the
/// platform's HTTP API (the same key, scopes, audit and problem details as any caller). The file is written under a
/// temporary name and renamed, so a failed export never leaves a half file at the path asked for.
/// </summary>
internal sealed class ModelCommand(TextWriter stdout, HttpMessageHandler? handler = null)
{
    public const string Usage =
        "       automl export --onnx --model NAME --version N --out FILE [--url URL] [--key KEY]\n" +
        "       automl report --model NAME --version N [--url URL] [--key KEY]";

    /// <summary>The platform's JSON conventions: camelCase names, enums as camelCase strings.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<int> RunAsync(string[] args, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var (connection, command) = PlatformConnection.Parse(args, environment);
        var options = Options.Parse(command);
        using var client = new PlatformClient(connection, handler);
        var path = $"/api/models/{Uri.EscapeDataString(options.Model)}/versions/{options.Version.ToString(CultureInfo.InvariantCulture)}";
        if (options.Command == "report")
        {
            var node = await client.GetAsync($"{path}/report", cancellationToken).ConfigureAwait(false);
            var report = node.Deserialize<VersionReport>(Json) ?? throw new InvalidOperationException("The platform answered an empty report.");
            await stdout.WriteAsync(ReportPrinter.Format(report)).ConfigureAwait(false);
            return 0;
        }

        var onnx = await client.GetBytesAsync($"{path}/onnx", cancellationToken).ConfigureAwait(false);
        var target = Path.GetFullPath(options.Out!);
        var staging = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            await File.WriteAllBytesAsync(staging, onnx, cancellationToken).ConfigureAwait(false);
            File.Move(staging, target, overwrite: true);
        }
        finally
        {
            File.Delete(staging);
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"wrote {target} ({onnx.Length} bytes): {options.Model} version {options.Version} as ONNX")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The command line after <c>--url</c> and <c>--key</c> were taken out.</summary>
    private sealed record Options(string Command, string Model, int Version, string? Out)
    {
        public static Options Parse(string[] command)
        {
            string? model = null;
            string? version = null;
            string? output = null;
            var onnx = false;
            for (var i = 1; i < command.Length; i++)
            {
                switch (command[i])
                {
                    case "--model":
                        model = CliArguments.Value(command, ref i);
                        break;
                    case "--version":
                        version = CliArguments.Value(command, ref i);
                        break;
                    case "--out" when command[0] == "export":
                        output = CliArguments.Value(command, ref i);
                        break;
                    case "--onnx" when command[0] == "export":
                        onnx = true;
                        break;
                    default:
                        throw new CliUsageException($"Unknown option '{command[i]}' for {command[0]}.\n{Usage}");
                }
            }

            if (string.IsNullOrWhiteSpace(model))
            {
                throw new CliUsageException($"{command[0]} needs --model NAME.");
            }

            if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                throw new CliUsageException(version is null ? $"{command[0]} needs --version N." : $"--version takes a version number (1, 2, …), not '{version}'.");
            }

            if (command[0] == "export" && !onnx)
            {
                throw new CliUsageException("export needs --onnx: ONNX is the format models are exported in.");
            }

            if (command[0] == "export" && string.IsNullOrWhiteSpace(output))
            {
                throw new CliUsageException("export needs --out FILE, the path to write the ONNX model to.");
            }

            return new Options(command[0], model, number, output);
        }
    }
}
