namespace AutoMLPlatform.Server.Tests.Architecture;

/// <summary>
/// Inside each project the folders (namespaces) depend one way: no two reach each other through the types they use
/// (<see cref="NamespaceGraph"/> reads the compiled assembly, method bodies included). A project's root namespace is
/// its composition root (service registration, options) and is left out: it may use every folder, and folders may read
/// its options. A new cycle fails here with the types that make it; <see cref="Known"/> lists the cycles not yet taken
/// apart, and fails too when one of them is gone, so the list only shrinks.
/// </summary>
public class NamespaceCycleTests
{
    private static readonly string[] Projects =
        ["Core", "Security", "Storage", "AutoML", "Pretrained", "Torch", "Insight", "Jobs", "Hosting", "Scoring", "Server", "Client"];

    /// <summary>Cycles that exist today, by project (issue 21): each is work left, not a rule.</summary>
    private static readonly Dictionary<string, string[][]> Known = new(StringComparer.Ordinal)
    {
        ["AutoML"] = [["Data", "Ensembling", "Evaluation", "Experiment", "External", "Featurization", "Finishing", "Pretrained", "Search", "Trainers", "Trials", "Validation"]],
    };

    [TestCaseSource(nameof(Projects))]
    public void The_folders_of_a_project_depend_one_way(string project)
    {
        var graph = NamespaceGraph.Read(Path.Combine(AppContext.BaseDirectory, $"AutoMLPlatform.{project}.dll"), $"AutoMLPlatform.{project}");
        var cycles = graph.Cycles().Select(c => string.Join(" ", c.Select(n => n[$"AutoMLPlatform.{project}.".Length..]))).ToArray();
        var known = Known.TryGetValue(project, out var listed) ? listed.Select(c => string.Join(" ", c)).ToArray() : [];

        Assert.Multiple(() =>
        {
            foreach (var cycle in cycles.Except(known))
            {
                Assert.Fail($"A cycle between the folders {cycle}:\n{Explain(graph, project, cycle)}");
            }

            foreach (var gone in known.Except(cycles))
            {
                Assert.Fail($"The known cycle {gone} is gone: take it off the list.");
            }
        });
    }

    [Test]
    public void A_cycle_made_on_purpose_is_found_with_the_types_that_make_it()
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
