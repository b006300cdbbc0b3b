using AutoMLPlatform.TestSupport.Architecture;

namespace AutoMLPlatform.Cli.Tests.Architecture;

/// <summary>The CLI's folders depend one way, as every other project's do (Server.Tests checks those; this assembly is beside the CLI's).</summary>
public class CliNamespaceCycleTests
{
    [Test]
    public void The_folders_of_the_cli_depend_one_way()
    {
        var cycles = FolderCycles.Describe(typeof(CliApp).Assembly.Location, "AutoMLPlatform.Cli");

        Assert.That(cycles, Is.Empty, () => string.Join("\n", cycles));
    }
}
