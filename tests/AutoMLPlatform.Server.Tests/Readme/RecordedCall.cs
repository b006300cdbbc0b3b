using System.Text.Json.Nodes;

namespace AutoMLPlatform.Server.Tests.Readme;

/// <summary>
/// One command of the walkthrough as the prelude recorded it: a <c>curl</c> call (its arguments, HTTP status and body)
/// or a <c>dotnet</c> command (its arguments, exit code and output).
/// </summary>
internal sealed record RecordedCall(string Id, string Tool, IReadOnlyList<string> Arguments, int? Status, string Output)
{
    /// <summary>The curl call's method as curl sends it: <c>-X</c>, else POST with a body or a form, else GET.</summary>
    public string Method
    {
        get
        {
            var x = Arguments.ToList().IndexOf("-X");
            return x >= 0 ? Arguments[x + 1]
                : Arguments.Any(a => a is "-d" or "-F" or "--data-binary" or "--data") ? "POST" : "GET";
        }
    }

    /// <summary>The path of the curl call's URL (no host or port).</summary>
    public string Path => Arguments.Where(a => a.StartsWith("http://", StringComparison.Ordinal)).Select(a => new Uri(a).AbsolutePath).FirstOrDefault() ?? "";

    /// <summary>The port of the curl call's URL.</summary>
    public int Port => Arguments.Where(a => a.StartsWith("http://", StringComparison.Ordinal)).Select(a => new Uri(a).Port).FirstOrDefault();

    public JsonNode Json => JsonNode.Parse(Output) ?? throw new InvalidOperationException($"{this} answered no JSON.");

    /// <summary>Every call the prelude recorded in <paramref name="directory"/>, in the order they ran.</summary>
    public static IReadOnlyList<RecordedCall> ReadAll(string directory) =>
        Directory.GetFiles(directory, "*.args").Order(StringComparer.Ordinal).Select(Read).ToArray();

    public override string ToString() => $"{Tool} {string.Join(' ', Arguments)} -> {Status}";

    private static RecordedCall Read(string argsFile)
    {
        var id = System.IO.Path.GetFileNameWithoutExtension(argsFile);
        var directory = System.IO.Path.GetDirectoryName(argsFile)!;
        string? Text(string extension) => File.Exists(System.IO.Path.Combine(directory, id + extension)) ? File.ReadAllText(System.IO.Path.Combine(directory, id + extension)) : null;
        var arguments = File.ReadAllText(argsFile).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var curl = Text(".body") is not null;
        var status = Text(curl ? ".status" : ".exit");
        return new RecordedCall(id, curl ? "curl" : "dotnet", arguments, status is null ? null : int.Parse(status.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            (curl ? Text(".body") : Text(".stdout")) ?? "");
    }
}
