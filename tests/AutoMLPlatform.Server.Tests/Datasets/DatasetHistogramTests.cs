using System.Net;
using System.Text;

namespace AutoMLPlatform.Server.Tests.Datasets;

public class DatasetHistogramTests
{
    private PlatformFactory _factory = null!;
    private ApiClient _api = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new PlatformFactory();
        _api = _factory.Api();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _api.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Numbers_fall_in_equal_width_bins_and_other_values_are_counted_most_frequent_first()
    {
        var csv = new StringBuilder("x,colour,email\n");
        for (var i = 0; i < 12; i++)
        {
            csv.Append($"{i},{(i < 9 ? "red" : i < 11 ? "blue" : "green")},person{i}@example.com\n");
        }

        var dataset = await _api.UploadOkAsync("h.csv", csv.ToString(), "histograms");

        var histograms = ApiClient.Json(await _api.Http.GetStringAsync($"/api/datasets/{dataset["id"]}/versions/1/histograms"));
        var columns = histograms.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        long[] Counts(string name) => columns[name].GetProperty("counts").EnumerateArray().Select(c => c.GetInt64()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(histograms.GetProperty("rowsRead").GetInt64(), Is.EqualTo(12));
            Assert.That(Counts("x"), Is.EqualTo(Enumerable.Repeat(1L, 12)), "0..11 over 12 bins: one value each, the maximum in the last");
            Assert.That(columns["colour"].GetProperty("labels").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(new[] { "red", "blue", "green" }));
            Assert.That(Counts("colour"), Is.EqualTo(new long[] { 9, 2, 1 }));
            Assert.That(columns.Keys, Does.Not.Contain("email"), "a sensitive column's values are not counted");
        });
    }

    [Test]
    public async Task An_unknown_version_answers_404()
    {
        var dataset = await _api.UploadOkAsync("h2.csv", "a,b\n1,x\n2,y\n", "histograms-404");

        using var response = await _api.Http.GetAsync($"/api/datasets/{dataset["id"]}/versions/7/histograms");

        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "dataset-not-found");
    }
}
