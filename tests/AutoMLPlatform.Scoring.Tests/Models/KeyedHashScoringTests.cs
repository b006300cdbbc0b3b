using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML;

namespace AutoMLPlatform.Scoring.Tests.Models;

/// <summary>
/// A model trained on a keyed-hash column (<c>phone</c>) served by the scoring host: clients send raw values and every
/// path hashes them under the tenant's key before the ML.NET model, which only ever saw hashes, reads them.
/// </summary>
[Category("Slow")]
public class KeyedHashScoringTests
{
    private const string RawRow = $$"""{"phone": "{{HashedTables.YesCustomer}}", "x": 0.5}""";

    private RunningScoringHost _scoring = null!;
    private float _onHash;
    private float _onRaw;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scoring = await RunningScoringHost.StartAsync(async stores =>
        {
            var version = await RegisteredModels.TrainAndRegisterAsync(stores, HashedTables.CustomersCsv(), "y", "customers", trainer: "Lbfgs", hashed: "phone");
            var hasher = await stores.Services.GetRequiredService<IKeyedHasherSource>().ForTenantAsync(TenantId.Default, CancellationToken.None);
            var mlnet = await MLNetPartAsync(stores.Blobs, version.ArtifactSha256);
            _onHash = HashedModels.Probability(mlnet, hasher.Hash(HashedTables.YesCustomer));
            _onRaw = HashedModels.Probability(mlnet, HashedTables.YesCustomer);
        }, versions: 0);
    }

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [Test]
    public async Task A_raw_value_sent_to_predict_gets_the_answer_the_model_gives_its_keyed_hash()
    {
        using var response = await _scoring.PostJsonAsync("/api/predict/customers", RawRow);
        var probability = (double)(await ScoringHost.ReadObjectAsync(response))["probabilities"]!["yes"]!;

        Assert.Multiple(() =>
        {
            Assert.That(probability, Is.EqualTo(_onHash).Within(1e-5));
            Assert.That(Math.Abs(_onRaw - _onHash), Is.GreaterThan(0.1), "the ML.NET part does not know the raw value");
        });
    }

    [Test]
    public async Task Explain_batch_and_the_open_inference_protocol_hash_the_raw_value_alike()
    {
        using var explained = await _scoring.PostJsonAsync("/api/predict/customers?explain=true", RawRow);
        var explanation = await ScoringHost.ReadObjectAsync(explained);
        using var batch = await _scoring.Client.PostAsync("/api/predict/customers/batch",
            new StringContent($"phone,x\n{HashedTables.YesCustomer},0.5\n", Encoding.UTF8, "text/csv"));
        var csv = (await batch.Content.ReadAsStringAsync()).Split('\n');
        using var inferred = await _scoring.PostJsonAsync("/v2/models/customers/infer", $$"""
            {"inputs": [{"name": "phone", "shape": [1], "datatype": "BYTES", "data": ["{{HashedTables.YesCustomer}}"]},
                        {"name": "x", "shape": [1], "datatype": "FP32", "data": [0.5]}]}
            """);
        var outputs = (await ScoringHost.ReadObjectAsync(inferred))["outputs"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That((double)explanation["probabilities"]!["yes"]!, Is.EqualTo(_onHash).Within(1e-5));
            Assert.That(MostInfluential(explanation["explanation"]!), Is.EqualTo("phone"));
            Assert.That(double.Parse(csv[1].Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(_onHash).Within(1e-5));
            Assert.That((double)outputs.Single(o => (string?)o!["name"] == "probabilities")!["data"]![1]!, Is.EqualTo(_onHash).Within(1e-5));
        });
    }

    private static string MostInfluential(JsonNode explanation) =>
        explanation["contributions"]!.AsObject().OrderByDescending(c => Math.Abs((double)c.Value!)).First().Key;

    /// <summary>The ML.NET model inside the stored package, on its own: what it reads without the platform's hashing.</summary>
    private static async Task<ITransformer> MLNetPartAsync(IBlobStore blobs, string sha256)
    {
        using var package = new MemoryStream();
        await using (var artifact = await blobs.OpenReadAsync(TenantId.Default, BlobKind.Model, sha256, CancellationToken.None))
        {
            await artifact.CopyToAsync(package);
        }

        using var zip = new ZipArchive(package, ZipArchiveMode.Read);
        using var mlnet = new MemoryStream();
        await using (var entry = zip.GetEntry("mlnet.zip")!.Open())
        {
            await entry.CopyToAsync(mlnet);
        }

        mlnet.Position = 0;
        return new MLContext(1).Model.Load(mlnet, out _);
    }
}
