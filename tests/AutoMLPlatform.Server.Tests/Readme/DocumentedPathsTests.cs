using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Readme;

/// <summary>
/// Every path README.md and docs/*.md name exists in the repository (the rules: <see cref="DocumentedPaths"/>). Each
/// test lists every offender as <c>document: path</c>, so one run shows all that a rename or a move left behind.
/// </summary>
public class DocumentedPathsTests
{
    private static readonly string[] Documents = ["README.md", .. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md")
        .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f)).Order(StringComparer.Ordinal)];

    [Test]
    public void Every_relative_link_points_at_a_file_and_heading_that_exist()
    {
        var missing = Documents.SelectMany(d => DocumentedPaths.MissingLinks(RepositoryPaths.Root, d).Select(p => $"{d}: {p}"));

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_path_from_the_repository_root_exists()
    {
        var missing = Documents.SelectMany(d => DocumentedPaths.MissingRootPaths(RepositoryPaths.Root, d).Select(p => $"{d}: {p}"));

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_path_given_from_a_project_folder_is_a_file_or_folder_of_a_project()
    {
        var missing = Documents.SelectMany(d => DocumentedPaths.MissingProjectPaths(RepositoryPaths.Root, d).Select(p => $"{d}: {p}"));

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_shared_path_exists_when_its_shared_folder_is_beside_the_repository()
    {
        var missing = Documents.SelectMany(d => DocumentedPaths.MissingSharedPaths(RepositoryPaths.Root, d).Select(p => $"{d}: {p}"));

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void The_documents_checked_are_the_readme_and_every_doc()
    {
        Assert.That(Documents, Has.Member("README.md").And.Member(Path.Combine("docs", "architecture.md")));
    }

    [Test]
    public void A_path_that_does_not_exist_is_found_by_each_rule()
    {
        using var repository = new TempDirectory();
        Directory.CreateDirectory(repository.File("src/AutoMLPlatform.Jobs/Training"));
        File.WriteAllText(repository.File("src/AutoMLPlatform.Jobs/Training/Runner.cs"), "");
        File.WriteAllText(repository.File("README.md"), """
            # Title
            See [the runner](src/AutoMLPlatform.Jobs/Training/Runner.cs), [gone](docs/gone.md), [no heading](#nowhere), [ok](#title).
            Run `tools/missing.sh` after `src/AutoMLPlatform.Jobs/Training/Runner.cs`; read `Training/Runner.cs` and `Training/Gone.cs`.
            ```bash
            curl -F file=@samples/none.csv http://127.0.0.1:5000/api/datasets
            ```
            """);

        Assert.Multiple(() =>
        {
            Assert.That(DocumentedPaths.MissingLinks(repository.Path, "README.md"), Is.EquivalentTo(new[] { "docs/gone.md", "#nowhere" }));
            Assert.That(DocumentedPaths.MissingRootPaths(repository.Path, "README.md"), Is.EquivalentTo(new[] { "tools/missing.sh", "samples/none.csv" }));
            Assert.That(DocumentedPaths.MissingProjectPaths(repository.Path, "README.md"), Is.EquivalentTo(new[] { "Training/Gone.cs" }));
        });
    }
}
