using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Tests.Featurization;

public class FeaturePipelineBuilderTests
{
    private static readonly LoadedTable Training = new(
    [
        new NumericColumn("age", [30, float.NaN, 50, 40]),
        new NumericColumn("income", [1, 2, 3, 4]),
        new StringColumn("city", ColumnType.Categorical, ["a", "b", "a", "c"]),
        new StringColumn("zip", ColumnType.Categorical, ["z1", "z2", "z3", "z4"]),
        new StringColumn("note", ColumnType.Text, ["good old house", "small flat", "good garden", "no garden at all"]),
        new StringColumn("sold", ColumnType.DateTime, ["2020-03-15", "2021-12-31T18:30:00", "", "2019-07-04"]),
    ], 4);

    private static readonly ColumnDecision[] Decisions =
    [
        new("age", ColumnType.Numeric, ColumnRole.Numeric, ""),
        new("income", ColumnType.Numeric, ColumnRole.Numeric, ""),
        new("city", ColumnType.Categorical, ColumnRole.Categorical, ""),
        new("zip", ColumnType.Categorical, ColumnRole.HashedCategorical, ""),
        new("note", ColumnType.Text, ColumnRole.Text, ""),
        new("sold", ColumnType.DateTime, ColumnRole.DateTime, ""),
    ];

    private static readonly string[] WithMissing = ["age", "sold"];

    [Test]
    public void Each_column_kind_adds_its_slots_to_one_feature_vector()
    {
        var featurized = Fit(out var mlContext).Transform(TabularDataView.WithoutLabel(Training));

        var size = ((VectorDataViewType)featurized.Schema[ReservedColumns.Features].Type).Size;

        // age + indicator, income, 3 one-hot cities, 2^10 hashed zips, text n-grams, 8 date parts + indicator.
        Assert.That(size, Is.GreaterThan(2 + 1 + 3 + (1 << FeaturePipelineBuilder.HashBits) + DateParts.PartCount + 1));
    }

    [Test]
    public void A_row_with_every_value_missing_gets_finite_features_even_in_columns_that_never_missed()
    {
        var model = Fit(out var mlContext);
        var empty = new LoadedTable(
        [
            new NumericColumn("age", [float.NaN]),
            new NumericColumn("income", [float.NaN]),
            new StringColumn("city", ColumnType.Categorical, [""]),
            new StringColumn("zip", ColumnType.Categorical, [""]),
            new StringColumn("note", ColumnType.Text, [""]),
            new StringColumn("sold", ColumnType.DateTime, [""]),
        ], 1);

        var features = model.Transform(TabularDataView.WithoutLabel(empty)).GetColumn<VBuffer<float>>(ReservedColumns.Features).Single();

        Assert.That(features.DenseValues(), Has.All.Matches<float>(float.IsFinite));
    }

    [Test]
    public void A_missing_numeric_value_is_flagged_and_replaced_by_the_mean()
    {
        var model = Fit(out var mlContext);

        var first = model.Transform(TabularDataView.WithoutLabel(Training.Select([1]))).GetColumn<VBuffer<float>>(ReservedColumns.Features).Single();

        // Slot 0 is age's missing indicator, slot 1 age itself: the mean of 30, 50 and 40, divided by the largest
        // age (50), because beside text n-grams numbers are min-max scaled in the chain.
        Assert.That(first.DenseValues().Take(2), Is.EqualTo(new[] { 1f, 0.8f }).Within(1e-6));
    }

    [Test]
    public void Numbers_are_scaled_in_the_chain_only_beside_text_n_grams()
    {
        var table = new LoadedTable([new NumericColumn("a", [1, 2, 4]), new StringColumn("t", ColumnType.Text, ["x y", "y z", "z x"])], 3);
        ColumnDecision[] withText = [new("a", ColumnType.Numeric, ColumnRole.Numeric, ""), new("t", ColumnType.Text, ColumnRole.Text, "")];
        ColumnDecision[] numbersOnly = [withText[0]];

        float FirstSlotOfLastRow(ColumnDecision[] decisions) => FeaturePipelineBuilder.Build(new MLContext(1), decisions, []).Fit(TabularDataView.WithoutLabel(table))
            .Transform(TabularDataView.WithoutLabel(table)).GetColumn<VBuffer<float>>(ReservedColumns.Features).Last().GetItemOrDefault(0);

        Assert.Multiple(() =>
        {
            Assert.That(FirstSlotOfLastRow(withText), Is.EqualTo(1f));
            Assert.That(FirstSlotOfLastRow(numbersOnly), Is.EqualTo(4f));
        });
    }

    [Test]
    public void A_column_named_like_a_column_the_chain_makes_is_read_as_itself()
    {
        // "__f0" is the name the chain gives the first column's features; a user's "__f0" comes second here.
        var table = new LoadedTable([new NumericColumn("a", [1, 2, 3]), new NumericColumn("__f0", [10, 20, 30])], 3);
        ColumnDecision[] decisions = [new("a", ColumnType.Numeric, ColumnRole.Numeric, ""), new("__f0", ColumnType.Numeric, ColumnRole.Numeric, "")];

        var model = FeaturePipelineBuilder.Build(new MLContext(1), decisions, []).Fit(TabularDataView.WithoutLabel(table));

        var features = model.Transform(TabularDataView.WithoutLabel(table)).GetColumn<VBuffer<float>>(ReservedColumns.Features).First();
        Assert.That(features.DenseValues(), Is.EqualTo(new[] { 1f, 10f }));
    }

    [Test]
    public void A_table_without_such_names_gets_no_copies_of_its_columns()
    {
        var featurized = Fit(out _).Transform(TabularDataView.WithoutLabel(Training));

        Assert.That(featurized.Schema.Select(c => c.Name), Has.None.StartsWith("__in"));
    }

    private static ITransformer Fit(out MLContext mlContext)
    {
        mlContext = new MLContext(1);
        return FeaturePipelineBuilder.Build(mlContext, Decisions, WithMissing).Fit(TabularDataView.WithoutLabel(Training));
    }
}
