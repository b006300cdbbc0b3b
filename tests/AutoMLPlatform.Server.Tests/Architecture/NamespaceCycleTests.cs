namespace AutoMLPlatform.Server.Tests.Architecture;

/// <summary>
/// Inside each project the folders (namespaces) depend one way: no two reach each other through the types they use
/// (<see cref="NamespaceGraph"/> reads the compiled assembly, method bodies included). A project's root namespace is
/// its composition root (service registration, options) and is left out: it may use every folder, and folders may read
/// its options. A cycle fails here with the types that make it.
/// </summary>
public class NamespaceCycleTests
{
    private static readonly string[] Projects =
        ["Core", "Security", "Storage", "Datasets", "AutoML", "Pretrained", "Torch", "Insight", "Jobs", "Hosting", "Scoring", "Server", "Client"];

    [TestCaseSource(nameof(Projects))]
    public void The_folders_of_a_project_depend_one_way(string project)
    {
        var graph = NamespaceGraph.Read(Path.Combine(AppContext.BaseDirectory, $"AutoMLPlatform.{project}.dll"), $"AutoMLPlatform.{project}");
        var cycles = graph.Cycles().Select(c => string.Join(" ", c.Select(n => n[$"AutoMLPlatform.{project}.".Length..]))).ToArray();

        Assert.That(cycles, Is.Empty, () => string.Join("\n", cycles.Select(c => $"A cycle between the folders {c}:\n{Explain(graph, project, c)}")));
    }

    [Test]
    public void A_cycle_made_on_purpose_through_a_method_body_and_a_lambda_is_found_with_the_types_that_make_it()
    {
        var graph = NamespaceGraph.Read(typeof(NamespaceCycleTests).Assembly.Location, "AutoMLPlatform.Server.Tests.Architecture.CycleFixture");
        const string Left = "AutoMLPlatform.Server.Tests.Architecture.CycleFixture.Left";
        const string Right = "AutoMLPlatform.Server.Tests.Architecture.CycleFixture.Right";

        Assert.Multiple(() =>
        {
            Assert.That(graph.Cycles(), Is.EqualTo(new[] { new[] { Left, Right } }));
            Assert.That(graph.Because(Right, Left), Is.EqualTo(new[] { "RightSide -> LeftSide" }), "the lambda's closure counts as RightSide");
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

    private static string Explain(NamespaceGraph graph, string project, string cycle)
    {
        var members = cycle.Split(' ').Select(n => $"AutoMLPlatform.{project}.{n}").ToArray();
        return string.Join("\n", members.SelectMany(from => members.Where(to => graph.Edges[from].Contains(to))
            .Select(to => $"  {from} -> {to}: {string.Join(", ", graph.Because(from, to).Take(5))}")));
    }
}
