using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Feedback;
using static AutoMLPlatform.Storage.Tests.Feedback.SqlPredictionLogStoreTests;

namespace AutoMLPlatform.Storage.Tests.Feedback;

/// <summary>A block's bytes: every row comes back as written, in fewer bytes than whole ids and texts take, and blocks of the first format still read.</summary>
public class BlockFormatTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TenantId Tenant = TenantId.New();

    [Test]
    public void Outputs_come_back_as_written_whatever_their_ids_labels_values_and_order_in_time()
    {
        var shadowed = PredictionId.New(Noon);
        LoggedPrediction[] rows =
        [
            Row(PredictionId.New(Noon), Noon, "yes", null, [0.25f, 0.75f]),
            Row(PredictionId.New(Noon.AddMilliseconds(-900)), Noon.AddMilliseconds(3), "no", null, [0.5f, 0.5f]) with { Version = 300 },
            Row(PredictionId.FromGuid(Guid.NewGuid()), Noon.AddMilliseconds(2), "yes", null, []),
            Row(PredictionId.New(Noon.AddDays(1)), Noon.AddDays(1), null, -12.5, []) with { Shadow = true, ShadowOf = shadowed },
            Row(PredictionId.New(Noon), Noon, "yes", null, [1f, 0f]),
        ];

        var decoded = BlockOutputs.Decode(BlockOutputs.Encode(rows));

        Assert.That(decoded, Is.EqualTo(rows.Select(r => new BlockRow(r.Id, r.Version, r.PredictedAt.ToUnixTimeMilliseconds(), r.PredictedLabel,
            r.PredictedValue, r.Probabilities.ToArray(), r.Shadow, r.ShadowOf))).Using<BlockRow>(SameRow));
    }

    [Test]
    public void Inputs_of_any_row_come_back_as_written_after_rows_that_brought_its_texts_and_were_skipped()
    {
        var names = new[] { "count", "negative", "minus_zero", "large", "fraction", "missing", "city", "empty" };
        var rows = Enumerable.Range(0, 40).Select(i => Row(PredictionId.New(Noon), Noon, "yes", null, []) with
        {
            Inputs = new LoggedInputs(names, [i, -i - 1, -0f, 16_777_217f + i, i + 0.5f, float.NaN, 0, 0],
                [null, null, null, null, null, null, "city " + (i % 3), ""]),
        }).ToArray();

        var json = BlockInputs.ReadJson(BlockInputs.Encode(rows), new HashSet<int> { 0, 39 });

        Assert.Multiple(() =>
        {
            Assert.That(json.Keys, Is.EquivalentTo(new[] { 0, 39 }));
            Assert.That(json[0], Is.EqualTo("""{"count":0,"negative":-1,"minus_zero":-0,"large":16777216,"fraction":0.5,"missing":null,"city":"city 0","empty":null}"""));
            Assert.That(json[39], Is.EqualTo("""{"count":39,"negative":-40,"minus_zero":-0,"large":16777256,"fraction":39.5,"missing":null,"city":"city 0","empty":null}"""));
        });
    }

    [Test]
    public void A_row_of_repeated_texts_and_whole_numbers_takes_under_half_the_bytes_of_whole_ids_texts_and_floats()
    {
        var names = new[] { "age", "income", "amount", "home", "job", "marital", "records" };
        string[] homes = ["rent", "owner", "parents", "other"];
        var rows = Enumerable.Range(0, 1000).Select(i => Row(PredictionId.New(Noon.AddMilliseconds(i * 3)), Noon.AddMilliseconds(i * 3), i % 2 == 0 ? "good" : "bad",
            null, [0.3f, 0.7f]) with
        {
            Inputs = new LoggedInputs(names, [20 + i % 50, 100 + i % 200, 1000 + i, 0, 0, 0, 0], [null, null, null, homes[i % 4], "fixed", "married", "no"]),
        }).ToArray();

        var (outputs, inputs) = (BlockOutputs.Encode(rows).Length / 1000.0, BlockInputs.Encode(rows).Length / 1000.0);

        // The first format took 40 bytes of outputs a row here (16 id, 8 time, 3 version, flags and label length, ~3.5 label, 9 probabilities)
        // and 44 of inputs (1 list, 3 numbers of 5, 4 texts of ~7).
        Assert.Multiple(() =>
        {
            Assert.That(outputs, Is.LessThanOrEqualTo(25), "outputs, bytes a row");
            Assert.That(inputs, Is.LessThanOrEqualTo(18), "inputs, bytes a row");
        });
    }

    [Test]
    public void A_block_of_the_first_format_still_reads()
    {
        var (id, shadowOf) = (PredictionId.New(Noon), PredictionId.New(Noon));
        var outputs = new BlockWriter(64);
        outputs.Byte(1);
        outputs.Count(1);
        outputs.Guid(id.Value);
        outputs.Int64(Noon.ToUnixTimeMilliseconds());
        outputs.Count(4);
        outputs.Byte((byte)(BlockRowFlags.Shadow | BlockRowFlags.ShadowOf | BlockRowFlags.Label));
        outputs.Guid(shadowOf.Value);
        outputs.Text("yes");
        outputs.Count(2);
        outputs.Single(0.25f);
        outputs.Single(0.75f);
        var inputs = new BlockWriter(64);
        inputs.Byte(1);
        inputs.Count(1);
        inputs.Count(3);
        inputs.Text("x");
        inputs.Text("color");
        inputs.Text("gone");
        inputs.Count(0);
        inputs.Byte(1);
        inputs.Single(1.5f);
        inputs.Byte(2);
        inputs.Text("red");
        inputs.Byte(0);

        var row = BlockOutputs.Decode(outputs.ToArray()).Single();
        var json = BlockInputs.ReadJson(inputs.ToArray(), new HashSet<int> { 0 });

        Assert.Multiple(() =>
        {
            Assert.That(row, Is.EqualTo(new BlockRow(id, 4, Noon.ToUnixTimeMilliseconds(), "yes", null, [0.25f, 0.75f], true, shadowOf)).Using<BlockRow>(SameRow));
            Assert.That(json[0], Is.EqualTo("""{"x":1.5,"color":"red","gone":null}"""));
        });
    }

    private static LoggedPrediction Row(PredictionId id, DateTimeOffset at, string? label, double? value, float[] probabilities) =>
        new(id, Tenant, "churn", 1, at, Inputs(("x", 1f)), label, value, probabilities);

    private static bool SameRow(BlockRow a, BlockRow b) =>
        a with { Probabilities = [] } == b with { Probabilities = [] } && a.Probabilities.SequenceEqual(b.Probabilities);
}
