using System.Net;
using System.Text;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Datasets;

public class DatasetUploadTests
{
    private const string Csv = "a,b,c\n1,x,true\n2,y,false\n3,,true\n";

    [Test]
    public async Task An_upload_answers_201_with_the_inferred_schema()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        var dataset = await api.UploadOkAsync("t.csv", Csv, "small");

        Assert.Multiple(() =>
        {
            Assert.That((string?)dataset["name"], Is.EqualTo("small"));
            Assert.That((int?)dataset["version"], Is.EqualTo(1));
            Assert.That((int?)dataset["rowCount"], Is.EqualTo(3));
            Assert.That((string?)dataset["sha256"], Has.Length.EqualTo(64));
            Assert.That(dataset["schema"]!["columns"]!.AsArray().Select(c => (string?)c!["type"]), Is.EqualTo(new[] { "numeric", "categorical", "boolean" }));
            Assert.That((int?)dataset["schema"]!["columns"]![1]!["missingCount"], Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Uploading_the_same_bytes_again_stores_no_second_blob_or_version()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var first = await api.UploadOkAsync("t.csv", Csv, "small");

        using var again = await api.UploadAsync("t.csv", Csv, "small");
        var second = await ApiClient.ReadObjectAsync(again, HttpStatusCode.OK);
        var other = await api.UploadOkAsync("t.csv", Csv, "copy");

        Assert.Multiple(() =>
        {
            Assert.That((string?)second["id"], Is.EqualTo((string?)first["id"]));
            Assert.That((int?)second["version"], Is.EqualTo(1));
            Assert.That((string?)other["sha256"], Is.EqualTo((string?)first["sha256"]));
            Assert.That(BlobFiles(factory), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task A_new_upload_under_the_same_name_becomes_version_two()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var first = await api.UploadOkAsync("t.csv", Csv, "small");

        var second = await api.UploadOkAsync("t.csv", Csv + "4,z,false\n", "small");
        var detail = await api.GetObjectAsync($"/api/datasets/{first["id"]}");

        Assert.Multiple(() =>
        {
            Assert.That((int?)second["version"], Is.EqualTo(2));
            Assert.That((string?)second["id"], Is.EqualTo((string?)first["id"]));
            Assert.That(detail["versions"]!.AsArray(), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_tsv_file_is_read_with_tabs()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        var dataset = await api.UploadOkAsync("t.tsv", "a\tb\n1,5\tx\n2\ty\n", "tabs");

        Assert.That(dataset["schema"]!["columns"]!.AsArray().Select(c => (string?)c!["name"]), Is.EqualTo(new[] { "a", "b" }));
    }

    [TestCase("", "csv-empty")]
    [TestCase("a,b\n", "csv-header-only")]
    [TestCase("a,b\n1,2\n3\n", "csv-ragged-row")]
    [TestCase("a,b\n\"1,2\n", "csv-bad-quoting")]
    [TestCase("a,b\n1\"x,2\n", "csv-bad-quoting")]
    public async Task A_malformed_table_is_refused_with_a_problem_and_the_stored_version_is_untouched(string csv, string errorCode)
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var original = await api.UploadOkAsync("t.csv", Csv, "small");

        using var response = await api.UploadAsync("t.csv", csv, "small");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        var after = await api.GetObjectAsync($"/api/datasets/{original["id"]}");

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo(errorCode));
            Assert.That((int?)after["version"], Is.EqualTo(1));
            Assert.That((string?)after["sha256"], Is.EqualTo((string?)original["sha256"]));
            Assert.That(BlobFiles(factory), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task Text_that_is_not_utf8_is_refused()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        using var response = await api.UploadAsync("t.csv", Encoding.Latin1.GetBytes("name,city\nJos\u00e9,M\u00e1laga\n"), "latin");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("csv-not-utf8"));
    }

    [Test]
    public async Task A_table_wider_than_the_column_limit_is_refused_and_nothing_is_stored()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        using var response = await api.UploadAsync("wide.csv", HostileInputs.WideCsv(20_000), "wide");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        var list = await api.GetObjectAsync("/api/datasets");

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("csv-too-many-columns"));
            Assert.That((string?)problem["detail"], Does.Contain("10000"));
            Assert.That(list["items"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task The_column_limit_is_a_setting()
    {
        using var factory = new PlatformFactory(new() { ["AutoMLPlatform:Uploads:MaxColumns"] = "3" });
        using var api = factory.Api();

        using var narrow = await api.UploadAsync("narrow.csv", "a,b,c\n1,2,3\n", "narrow");
        using var wide = await api.UploadAsync("wide.csv", "a,b,c,d\n1,2,3,4\n", "wide");
        var problem = await ApiClient.ProblemAsync(wide, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(narrow.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)problem["errorCode"], Is.EqualTo("csv-too-many-columns"));
        });
    }

    [Test]
    public async Task A_file_over_the_size_limit_is_refused_with_413_and_nothing_is_stored()
    {
        using var factory = new PlatformFactory(new() { ["AutoMLPlatform:Uploads:MaxFileBytes"] = "1000" });
        using var api = factory.Api();
        var big = "a,b\n" + string.Concat(Enumerable.Repeat("12345,67890\n", 200));

        using var response = await api.UploadAsync("big.csv", big, "big");
        await ApiClient.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        var list = await api.GetObjectAsync("/api/datasets");

        Assert.Multiple(() =>
        {
            Assert.That(list["items"]!.AsArray(), Is.Empty);
            Assert.That(BlobFiles(factory), Is.Empty);
        });
    }

    [Test]
    public async Task A_body_that_is_not_multipart_is_refused()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        using var response = await api.PostRawJsonAsync("/api/datasets", "{\"file\": \"a,b\"}");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("not-multipart"));
    }

    [Test]
    public async Task An_invalid_dataset_name_is_refused()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        using var response = await api.UploadAsync("t.csv", Csv, "bad/name");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!["name"], Is.Not.Null);
    }

    [TestCase("not-a-guid")]
    [TestCase("7b0c1a52-1111-4222-8333-944445555666")]
    public async Task An_unknown_dataset_id_answers_404(string id)
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        using var response = await api.Http.GetAsync($"/api/datasets/{id}");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "dataset-not-found");

        Assert.That((string?)problem["errorCode"], Is.EqualTo("dataset-not-found"));
    }

    private static string[] BlobFiles(PlatformFactory factory) =>
        Directory.Exists(Path.Combine(factory.DataDirectory, "blobs"))
            ? Directory.GetFiles(Path.Combine(factory.DataDirectory, "blobs"), "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains(".staging", StringComparison.Ordinal)).ToArray()
            : [];
}
