using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Core.Tests.Tables;

/// <summary>A name binds to the column with exactly that name first, else ignoring case where one column matches.</summary>
public class ColumnNameLookupTests
{
    private static readonly ColumnNameLookup Lookup = new(["Sc.Var.Maxis", "Sc.Var.maxis", "Age", "größe"]);

    [TestCase("Sc.Var.Maxis", 0)]
    [TestCase("Sc.Var.maxis", 1)]
    [TestCase("Age", 2)]
    public void The_exact_name_binds_its_own_column_even_beside_one_that_differs_in_case(string name, int column)
    {
        var match = Lookup.Find(name);

        Assert.That(match, Is.EqualTo(new ColumnMatch(column, ColumnMatchKind.Exact)));
    }

    [TestCase("age", 2)]
    [TestCase("GRÖSSE", -1)]
    [TestCase("GRÖßE", 3)]
    public void Another_case_binds_where_exactly_one_column_matches(string name, int column)
    {
        var match = Lookup.Find(name);

        Assert.That(match, Is.EqualTo(column < 0 ? ColumnMatch.None : new ColumnMatch(column, ColumnMatchKind.IgnoringCase)));
    }

    [Test]
    public void A_name_matching_several_columns_only_ignoring_case_binds_none_and_says_which()
    {
        var match = Lookup.Find("sc.var.maxis");

        Assert.Multiple(() =>
        {
            Assert.That(match, Is.EqualTo(ColumnMatch.Ambiguous));
            Assert.That(Lookup.MatchesIgnoringCase("sc.var.maxis"), Is.EqualTo(new[] { "Sc.Var.Maxis", "Sc.Var.maxis" }));
        });
    }

    [Test]
    public void An_unknown_name_binds_nothing()
    {
        var match = Lookup.Find("Sc.Var.Max");

        Assert.That(match.Found, Is.False);
    }
}
