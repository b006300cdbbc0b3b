using System.IO.Compression;
using System.Text;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Security.Masking;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Tests.Hashing;

[Category("Slow")]
public class KeyedHashingTests
{
    private static readonly KeyedHasher Hasher = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private ExperimentResult _result = null!;
    private byte[] _package = null!;
    private LoadedTable _table = null!;
    private DatasetSchema _schema = null!;

    [OneTimeSetUp]
    public async Task TrainAsync()
    {
        var (table, schema) = await TestTables.LoadAsync(HashedTables.CustomersCsv());
        (_table, _schema) = (table, HashedTables.MarkHashed(schema, "phone"));
        var mlContext = new MLContext(1);
        _result = await new AutoMLExperiment(mlContext, Settings(Hasher)).RunAsync(_table, _schema, null, CancellationToken.None);
        using var buffer = new MemoryStream();
        ModelPackage.Write(buffer, mlContext, _result.Model, _result.InputSchema, ManifestOf(_result));
        _package = buffer.ToArray();
    }

    [Test]
    public void The_package_holds_the_hashes_of_a_hashed_column_and_none_of_its_raw_values()
    {
        var contents = EveryEntry(_package);
        var raw = Enumerable.Range(1000, 10).Select(n => $"+44 20 7946 {n}").Append("7946").ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(raw.Where(value => Holds(contents, value)), Is.Empty);
            Assert.That(Holds(contents, Hasher.Hash(HashedTables.YesCustomer)), Is.True, "the one-hot dictionary keeps the hashes, so the search can see terms");
        });
    }

    [Test]
    public void The_returned_model_takes_raw_values_and_its_package_read_with_the_same_key_predicts_the_same()
    {
        var loaded = ModelPackage.Read(new MemoryStream(_package), new MLContext(2), hasher: Hasher);

        var returned = HashedModels.Probability(_result.Model, HashedTables.YesCustomer);
        var read = HashedModels.Probability(loaded.Transformer, HashedTables.YesCustomer);

        Assert.Multiple(() =>
        {
            Assert.That(_result.Inputs.Select(i => (i.Name, i.KeyedHash)), Is.EquivalentTo(new[] { ("phone", true), ("x", false) }));
            Assert.That(read, Is.EqualTo(returned).Within(1e-6));
            Assert.That(read - HashedModels.Probability(loaded.Transformer, HashedTables.NoCustomer), Is.GreaterThan(0.3), "the model tells the customers apart");
        });
    }

    [Test]
    public void The_ML_NET_part_of_the_package_reads_keyed_hashes_not_raw_values()
    {
        var loaded = ModelPackage.Read(new MemoryStream(_package), new MLContext(2), hasher: Hasher);
        var mlnet = MLNetPart(_package);

        var served = HashedModels.Probability(loaded.Transformer, HashedTables.YesCustomer);
        var onHash = HashedModels.Probability(mlnet, Hasher.Hash(HashedTables.YesCustomer));
        var onRaw = HashedModels.Probability(mlnet, HashedTables.YesCustomer);

        Assert.Multiple(() =>
        {
            Assert.That(onHash, Is.EqualTo(served).Within(1e-6));
            Assert.That(Math.Abs(onRaw - served), Is.GreaterThan(0.1), "a raw value is an unknown category to the ML.NET part");
        });
    }

    [Test]
    public void A_package_with_keyed_hash_inputs_is_not_read_without_a_hasher()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ModelPackage.Read(new MemoryStream(_package), new MLContext(2)));

        Assert.That(error!.Message, Does.Contain("'phone'").And.Contain("hasher"));
    }

    [Test]
    public void A_package_whose_manifest_does_not_flag_the_hashed_columns_is_not_written()
    {
        var unflagged = ManifestOf(_result) with { Inputs = [.. _result.Inputs.Select(i => i with { KeyedHash = false })] };

        Assert.Throws<ArgumentException>(() => ModelPackage.Write(new MemoryStream(), new MLContext(1), _result.Model, _result.InputSchema, unflagged));
    }

    [Test]
    public void Training_on_a_column_marked_for_hashing_without_a_hasher_is_refused()
    {
        var experiment = new AutoMLExperiment(new MLContext(1), Settings(hasher: null));

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => experiment.RunAsync(_table, _schema, null, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("'phone'"));
    }

    [Test]
    public async Task A_numeric_column_marked_for_hashing_by_an_older_upload_is_refused_asking_for_a_new_upload()
    {
        // Uploads now store a hashed column as categorical; one stored as numbers would hash differently when scored.
        var (table, schema) = await TestTables.LoadAsync(HashedTables.CustomersCsv());
        var hashed = new SensitiveColumn(SensitiveKind.Marked, "Marked sensitive by the uploader.", SensitiveHandling.Hash);
        var numericHashed = new DatasetSchema([.. schema.Columns.Select(c => c.Name == "x" ? c with { Sensitive = hashed } : c)]);
        var experiment = new AutoMLExperiment(new MLContext(1), Settings(Hasher));

        var error = Assert.ThrowsAsync<Core.Common.UnprocessableException>(() => experiment.RunAsync(table, numericHashed, null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("keyed-hash-column-type"));
            Assert.That(error.Message, Does.Contain("'x'").And.Contain("upload the dataset again"));
        });
    }

    private static ExperimentSettings Settings(KeyedHasher? hasher) => new()
    {
        LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(30), MaxTrials = 1, Trainers = ["Lbfgs"], Ensemble = false, KeyedHasher = hasher,
    };

    private static ModelManifest ManifestOf(ExperimentResult result) =>
        new(ModelManifest.CurrentFormatVersion, result.Task, "y", result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []);


    /// <summary>The ML.NET model inside the package, loaded on its own: what the model reads, without the platform's hashing.</summary>
    private static ITransformer MLNetPart(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var entry = zip.GetEntry("mlnet.zip")!.Open())
        {
            entry.CopyTo(buffer);
        }

        buffer.Position = 0;
        return new MLContext(4).Model.Load(buffer, out _);
    }

    /// <summary>The decompressed bytes of every entry, the entries of ML.NET's own zip inside the package included.</summary>
    private static List<byte[]> EveryEntry(byte[] zipBytes)
    {
        var contents = new List<byte[]>();
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            contents.Add(bytes.ToArray());
            if (entry.Name.EndsWith(".zip", StringComparison.Ordinal))
            {
                contents.AddRange(EveryEntry(bytes.ToArray()));
            }
        }

        return contents;
    }

    /// <summary>True when any entry holds <paramref name="value"/> as UTF-8 or UTF-16 (how .NET writes strings).</summary>
    private static bool Holds(List<byte[]> contents, string value) =>
        contents.Any(c => c.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0 || c.AsSpan().IndexOf(Encoding.Unicode.GetBytes(value)) >= 0);
}
