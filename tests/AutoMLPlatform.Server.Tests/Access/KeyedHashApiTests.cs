using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Access;

/// <summary>
/// Through the whole server: a table uploaded with <c>hashColumns=phone</c>, a job trained on it, and the version
/// used the ways a user uses it. Clients only ever send raw phone numbers.
/// </summary>
[Category("Slow")]
public class KeyedHashApiTests
{
    private PlatformFactory _factory = null!;
    private ApiClient _api = null!;
    private string _datasetId = null!;

    [OneTimeSetUp]
    public async Task TrainAsync()
    {
        _factory = new PlatformFactory();
        _api = _factory.Api();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(HashedTables.CustomersCsv())), "file", "customers.csv" },
            { new StringContent("customers"), "name" },
            { new StringContent("phone"), "hashColumns" },
        };
        using var uploaded = await _api.Http.PostAsync("/api/datasets", form);
        _datasetId = (string)(await ApiClient.ReadObjectAsync(uploaded, HttpStatusCode.Created))["id"]!;
        var job = await _api.SubmitJobAsync(new { datasetId = _datasetId, label = "y", timeBudgetSeconds = 10, maxTrials = 2, modelName = "customers" });
        var done = await _api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
        Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _api.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task The_version_predicts_from_raw_values_and_lists_the_column_as_keyed_hashed()
    {
        var version = await _api.GetObjectAsync("/api/models/customers/versions/1");

        var yes = await ProbabilityOfYesAsync(HashedTables.YesCustomer);
        var no = await ProbabilityOfYesAsync(HashedTables.NoCustomer);

        Assert.Multiple(() =>
        {
            Assert.That(version["inputs"]!.AsArray().Single(i => (string?)i!["name"] == "phone")!["keyedHash"]!.GetValue<bool>(), Is.True);
            Assert.That(yes - no, Is.GreaterThan(0.3));
        });
    }

    [Test]
    public async Task Evaluating_it_on_its_raw_dataset_hashes_the_rows_as_training_did()
    {
        using var response = await _api.PostJsonAsync("/api/models/customers/versions/1/evaluate", new { datasetId = _datasetId });
        var report = await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK);

        Assert.That((double)report["classification"]!["accuracy"]!, Is.GreaterThan(0.95));
    }

    [Test]
    public async Task Exporting_it_to_onnx_is_refused_with_a_422_naming_the_keyed_hash_step()
    {
        using var response = await _api.Http.GetAsync("/api/models/customers/versions/1/onnx");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("not-exportable-to-onnx"));
            Assert.That((string?)problem["detail"], Does.Contain("'phone'").And.Contain("keyed hash"));
        });
    }

    private async Task<double> ProbabilityOfYesAsync(string phone)
    {
        using var response = await _api.PostJsonAsync("/api/predict/customers", new JsonObject { ["phone"] = phone, ["x"] = 0.5 });
        return (double)(await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK))["probabilities"]!["yes"]!;
    }
}
