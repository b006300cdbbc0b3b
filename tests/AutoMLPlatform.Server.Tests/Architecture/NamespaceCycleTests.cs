using AutoMLPlatform.TestSupport.Architecture;

namespace AutoMLPlatform.Server.Tests.Architecture;

/// <summary>
/// Inside each project the folders (namespaces) depend one way: no two reach each other through the types they use
/// (<see cref="NamespaceGraph"/> reads the compiled assembly, method bodies included). A project's root namespace is
/// its composition root (service registration, options) and is left out: it may use every folder, and folders may read
/// its options. A cycle fails here with the types that make it. The CLI's assembly is checked in Cli.Tests, beside it.
/// </summary>
public class NamespaceCycleTests
{
    private static readonly string[] Projects =
        ["Core", "Security", "Storage", "Datasets", "AutoML", "Pretrained", "Torch", "Insight", "Jobs", "Hosting", "Scoring", "Server", "Client"];

    [TestCaseSource(nameof(Projects))]
    public void The_folders_of_a_project_depend_one_way(string project)
    {
        var cycles = FolderCycles.Describe(Path.Combine(AppContext.BaseDirectory, $"AutoMLPlatform.{project}.dll"), $"AutoMLPlatform.{project}");

        Assert.That(cycles, Is.Empty, () => string.Join("\n", cycles));
    }

    [Test]
    public void A_cycle_made_on_purpose_through_a_method_body_and_a_lambda_is_found_with_the_types_that_make_it()
    {
        const string Fixture = "AutoMLPlatform.Server.Tests.Architecture.CycleFixture";
        var graph = NamespaceGraph.Read(typeof(NamespaceCycleTests).Assembly.Location, Fixture);
        var described = FolderCycles.Describe(typeof(NamespaceCycleTests).Assembly.Location, Fixture);

        Assert.Multiple(() =>
        {
            Assert.That(graph.Cycles(), Is.EqualTo(new[] { new[] { $"{Fixture}.Left", $"{Fixture}.Right" } }));
            Assert.That(graph.Because($"{Fixture}.Right", $"{Fixture}.Left"), Is.EqualTo(new[] { "RightSide -> LeftSide" }), "the lambda's closure counts as RightSide");
            Assert.That(described.Single(), Does.StartWith("A cycle between the folders Left Right:\n").And.Contain("RightSide -> LeftSide"));
        });
    }

    [Test]
    public void Strongly_connected_components_are_the_sets_that_reach_each_other()
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A", "D"], ["D"] = [], ["E"] = ["E"],
        };

        Assert.That(StronglyConnected.Components(edges).Where(c => c.Length > 1), Is.EqualTo(new[] { new[] { "A", "B", "C" } }));
    }
}
