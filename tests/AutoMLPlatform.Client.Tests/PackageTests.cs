using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Client.Tests;

/// <summary>
/// The client as a NuGet package: what <c>dotnet pack</c> puts in it, and the sample console app
/// (<c>samples/ClientSample</c>) built against it from a local folder feed, as an application of a user would be.
/// Packs the client the test run already built (<c>--no-build</c>) under a version of its own, and restores into a
/// folder of its own, so nothing in the repository or the machine's package cache changes.
/// </summary>
[Category("Slow")]
public class PackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private TempDirectory _directory = null!;
    private string _version = null!;
    private string _package = null!;

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        _directory = new TempDirectory();
        _version = $"0.0.0-test.{Guid.NewGuid():N}";
        var feed = Path.Combine(_directory.Path, "feed");
        await DotnetAsync(RepositoryPaths.Root, "pack", Path.Combine("src", "AutoMLPlatform.Client"), "-c", Configuration, "--no-build", "-o", feed,
            $"-p:PackageVersion={_version}", "-p:RepositoryUrl=https://git.example.org/automlplatform.git");
        _package = Path.Combine(feed, $"AutoMLPlatform.Client.{_version}.nupkg");
    }

    [OneTimeTearDown]
    public void Remove() => _directory.Dispose();

    [Test]
    public void The_package_holds_the_assembly_its_xml_docs_and_readme_and_depends_on_none_of_the_platforms_projects()
    {
        using var package = ZipFile.OpenRead(_package);
        var files = package.Entries.Select(e => e.FullName).ToArray();
        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(files, Is.SupersetOf(new[] { "README.md", "lib/net8.0/AutoMLPlatform.Client.dll", "lib/net8.0/AutoMLPlatform.Client.xml" }));
            Assert.That((string?)metadata.Element(ns + "readme"), Is.EqualTo("README.md"));
            Assert.That((string?)metadata.Element(ns + "repository")?.Attribute("url"), Is.EqualTo("https://git.example.org/automlplatform.git"));
            Assert.That(dependencies, Is.EquivalentTo(new[] { "Microsoft.Extensions.Http", "Microsoft.Extensions.Http.Resilience" }));
            Assert.That(File.Exists(Path.ChangeExtension(_package, ".snupkg")), Is.True, "symbols for SourceLink debugging");
        });
    }

    [Test]
    public async Task The_sample_builds_against_the_package_from_a_local_feed()
    {
        var sample = Path.Combine(_directory.Path, "sample");
        Directory.CreateDirectory(sample);
        foreach (var file in new[] { "ClientSample.csproj", "Program.cs", "Directory.Build.props", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(RepositoryPaths.Samples, "ClientSample", file), Path.Combine(sample, file));
        }

        await File.WriteAllTextAsync(Path.Combine(sample, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Path.GetDirectoryName(_package)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);

        var output = await DotnetAsync(sample, "build", "-c", "Release", "-nologo", $"-p:AutoMLPlatformClientVersion={_version}",
            $"-p:RestorePackagesPath={Path.Combine(_directory.Path, "packages")}", $"-p:RestoreAdditionalProjectFallbackFolders={GlobalPackages()}");

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Build succeeded"));
            Assert.That(Directory.GetFiles(sample, "AutoMLPlatform.Client.dll", SearchOption.AllDirectories), Is.Not.Empty);
            Assert.That(Directory.GetFiles(sample, "Microsoft.ML*.dll", SearchOption.AllDirectories), Is.Empty, "a caller's app does not pull in ML.NET");
        });
    }

    private static string GlobalPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static async Task<string> DotnetAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", args)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        return process.ExitCode == 0 ? text : throw new AssertionException($"dotnet {string.Join(" ", args)} failed ({process.ExitCode}):\n{text}");
    }
}
