using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Core.Tests.Tables;

/// <summary>A header becomes the column names pandas' read_csv gives it, trimmed.</summary>
public class HeaderNamesTests
{
    [Test]
    public void Names_that_differ_only_in_case_are_two_columns()
    {
        var names = HeaderNames.Normalize(["Sc.Var.Maxis", "Sc.Var.maxis"]);

        Assert.That(names, Is.EqualTo(new[] { "Sc.Var.Maxis", "Sc.Var.maxis" }));
    }

    [Test]
    public void Dots_spaces_brackets_and_non_ascii_letters_are_kept_as_written()
    {
        string[] header = ["a.b", "two words", "x[0]", "größe", "naïve (€)", "列"];

        var names = HeaderNames.Normalize(header);

        Assert.That(names, Is.EqualTo(header));
    }

    [Test]
    public void Names_are_trimmed()
    {
        var names = HeaderNames.Normalize([" a", "b\t"]);

        Assert.That(names, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void An_empty_name_is_named_after_its_position_as_pandas_names_it()
    {
        var names = HeaderNames.Normalize(["", "a", "  "]);

        Assert.That(names, Is.EqualTo(new[] { "Unnamed: 0", "a", "Unnamed: 2" }));
    }

    [Test]
    public void A_repeated_name_takes_a_numbered_suffix()
    {
        var names = HeaderNames.Normalize(["a", "a", "b", "a"]);

        Assert.That(names, Is.EqualTo(new[] { "a", "a.1", "b", "a.2" }));
    }

    [Test]
    public void A_name_that_repeats_only_once_trimmed_takes_a_suffix_too()
    {
        var names = HeaderNames.Normalize(["a", " a "]);

        Assert.That(names, Is.EqualTo(new[] { "a", "a.1" }));
    }

    [Test]
    public void A_suffix_skips_a_name_the_header_already_has()
    {
        var names = HeaderNames.Normalize(["a", "a", "a.1"]);

        Assert.That(names, Is.EqualTo(new[] { "a", "a.1", "a.1.1" }));
    }

    [Test]
    public void Repeats_around_an_existing_suffix_are_named_as_pandas_names_them()
    {
        // pandas' dedup_names: the second "a" tries "a.1", taken, so "a.1.1"; the third resumes at "a.2".
        var names = HeaderNames.Normalize(["a", "a.1", "a", "a"]);

        Assert.That(names, Is.EqualTo(new[] { "a", "a.1", "a.1.1", "a.2" }));
    }
}
