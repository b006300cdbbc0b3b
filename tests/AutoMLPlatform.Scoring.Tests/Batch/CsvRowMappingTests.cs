using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.Batch;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Tests.Binding;

namespace AutoMLPlatform.Scoring.Tests.Batch;

/// <summary>A CSV header binds to a model's columns as an upload names them and as JSON fields bind.</summary>
public class CsvRowMappingTests
{
    private static readonly ModelInputColumn[] Columns =
    [
        new("Sc.Var.Maxis", ColumnType.Numeric, AllowMissing: false),
        new("Sc.Var.maxis", ColumnType.Numeric, AllowMissing: false),
        new("k", ColumnType.Categorical, AllowMissing: true),
        new("k.1", ColumnType.Categorical, AllowMissing: true),
        new("Home", ColumnType.Categorical, AllowMissing: true),
    ];

    [Test]
    public void Header_names_that_differ_only_in_case_bind_each_to_their_own_column()
    {
        var values = Bind(["Sc.Var.maxis", "Sc.Var.Maxis"], ["2", "1"]);

        Assert.That(values[..2], Is.EqualTo(new object[] { 1f, 2f }));
    }

    [Test]
    public void A_repeated_header_name_binds_as_the_upload_named_it()
    {
        var values = Bind(["Sc.Var.Maxis", "Sc.Var.maxis", "k", " k "], ["1", "2", "first", "second"]);

        Assert.That(values[2..4], Is.EqualTo(new object[] { "first", "second" }));
    }

    [Test]
    public void A_header_name_matching_a_column_only_ignoring_case_gives_way_to_the_exact_name()
    {
        var values = Bind(["K", "Sc.Var.Maxis", "Sc.Var.maxis", "k"], ["other", "1", "2", "mine"]);

        Assert.That(values[2], Is.EqualTo("mine"));
    }

    [Test]
    public void A_header_name_matching_two_columns_only_ignoring_case_is_refused_naming_both()
    {
        var error = Assert.Throws<InvalidInputException>(() => Bind(["SC.VAR.MAXIS", "Sc.Var.Maxis", "Sc.Var.maxis"], ["0", "1", "2"]));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("ambiguous-field"));
            Assert.That(error.Message, Does.Contain("'Sc.Var.Maxis' and 'Sc.Var.maxis'"));
        });
    }

    [Test]
    public void Two_header_names_matching_one_column_only_ignoring_case_are_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => Bind(["Sc.Var.Maxis", "Sc.Var.maxis", "HOME", "home"], ["1", "2", "x", "y"]));

        Assert.That(error!.ErrorCode, Is.EqualTo("duplicate-field"));
    }

    private static object[] Bind(string[] header, string[] record)
    {
        var columns = new InputColumns(Columns);
        var mapping = CsvRowMapping.For(header, columns, line: 1);
        var target = RowTargets.For(Columns);

        mapping.Bind([.. record], target, line: 2);

        return RowTargets.Committed(target);
    }
}
