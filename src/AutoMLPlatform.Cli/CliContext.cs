using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoMLPlatform.Cli.Connection;
using AutoMLPlatform.Client;
using Spectre.Console;

namespace AutoMLPlatform.Cli;

/// <summary>
/// What every command shares: where output goes, whether it is a terminal (live displays, colours) or not (plain
/// lines), the environment, and the connection options (<c>--url</c>, <c>--key</c>, <c>--profile</c>) from which the
/// platform client is made.
/// </summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, bool terminal, Func<string, string?> environment, HttpMessageHandler? handler)
{
    /// <summary>Plain JSON for people and scripts: camelCase, enums as strings, non-ASCII and "+" as they are.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public Option<string> Url { get; } = new("--url") { Description = "The platform's URL [env AUTOMLPLATFORM_URL; default http://127.0.0.1:5000]", Recursive = true };

    public Option<string> Key { get; } = new("--key") { Description = "The API key [env AUTOMLPLATFORM_KEY; default data/secrets/bootstrap.key]", Recursive = true };

    public Option<string> Profile { get; } = new("--profile")
    {
        Description = "A profile of the profile file (~/.config/automl/config.json or AUTOMLPLATFORM_CONFIG) [env AUTOMLPLATFORM_PROFILE]",
        Recursive = true,
    };

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>True when stdout is an interactive terminal: live progress and coloured tables; otherwise plain lines.</summary>
    public bool IsTerminal { get; } = terminal;

    public Func<string, string?> Environment { get; } = environment;

    /// <summary>A client of the platform named by the command line, environment or profile.</summary>
    public AutoMLPlatformClient Client(ParseResult result)
    {
        var connection = PlatformConnection.Resolve(result.GetValue(Url), result.GetValue(Key), result.GetValue(Profile), Environment);
        var options = new AutoMLPlatformClientOptions
        {
            BaseAddress = connection.BaseAddress,
            ApiKey = connection.Key,
            Timeout = TimeSpan.FromMinutes(30), // uploads and batch predictions of big files
        };
        return AutoMLPlatformClient.Create(options, handler);
    }

    /// <summary>Spectre's console over stdout: colours and the terminal's width on a terminal, plain text 240 wide otherwise.</summary>
    public IAnsiConsole Console()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!IsTerminal)
        {
            console.Profile.Width = 240;
        }

        return console;
    }

    public Task WriteJsonAsync<T>(T value) => Out.WriteLineAsync(JsonSerializer.Serialize(value, Json));
}
