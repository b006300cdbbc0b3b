namespace AutoMLPlatform.TestSupport.Architecture;

/// <summary>
/// The cycles between the folders (namespaces) of one project's compiled assembly, each described with the types that
/// make it. A project's root namespace is its composition root (service registration, options, the command tree) and is
/// left out: it may use every folder, and folders may read what it declares.
/// </summary>
public static class FolderCycles
{
    /// <summary>
    /// One line per cycle (its folders), then per edge inside it up to five type pairs that make it; empty when the
    /// folders depend one way. Throws when the assembly has no folder under <paramref name="project"/>, so a wrong name
    /// cannot pass for an acyclic project.
    /// </summary>
    public static string[] Describe(string assemblyPath, string project)
    {
        var graph = NamespaceGraph.Read(assemblyPath, project);
        if (graph.Edges.Count == 0)
        {
            throw new InvalidOperationException($"{assemblyPath} has no folder under {project}: nothing to check.");
        }

        return graph.Cycles().Select(cycle =>
        {
            var folders = string.Join(" ", cycle.Select(n => n[(project.Length + 1)..]));
            var edges = cycle.SelectMany(from => cycle.Where(to => graph.Edges[from].Contains(to))
                .Select(to => $"  {from} -> {to}: {string.Join(", ", graph.Because(from, to).Take(5))}"));
            return $"A cycle between the folders {folders}:\n{string.Join("\n", edges)}";
        }).ToArray();
    }
}
