using System.Net;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Server.Tests.Datasets;

public class DatasetAppendTests
{
    private const string Csv = "a,b,c\n1,x,true\n2,y,false\n";

    [Test]
    public async Task Appending_rows_makes_a_new_version_holding_the_old_rows_then_the_new_ones_profiled_again()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var first = await api.UploadOkAsync("t.csv", Csv, "small");

        using var response = await api.UploadWithModeAsync("more.csv", "a,b,c\n3,,true\n", "small", "append");
        var appended = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created);
        var v1 = await api.GetObjectAsync($"/api/datasets/{first["id"]}/versions/1");
        var content = await ContentAsync(api, appended);

        Assert.Multiple(() =>
        {
            Assert.That((int?)appended["version"], Is.EqualTo(2));
            Assert.That((int?)appended["rowCount"], Is.EqualTo(3));
            Assert.That((int?)appended["schema"]!["columns"]![1]!["missingCount"], Is.EqualTo(1));
            Assert.That(content, Is.EqualTo(Csv + "3,,true\n"));
            Assert.That(((int?)v1["rowCount"], (string?)v1["sha256"]), Is.EqualTo((2, (string?)first["sha256"])));
        });
    }

    [Test]
    public async Task Appended_columns_in_another_order_and_delimiter_are_written_in_the_datasets_order_and_delimiter()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        await api.UploadOkAsync("t.csv", Csv, "small");

        using var response = await api.UploadWithModeAsync("more.tsv", "c\tb\ta\nfalse\t\"said \"\"hi\"\", then left\"\t4\n", "small", "append");
        var appended = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created);

        Assert.That(await ContentAsync(api, appended), Is.EqualTo(Csv + "4,\"said \"\"hi\"\", then left\",false\n"));
    }

    [Test]
    public async Task Appended_columns_that_repeat_or_differ_only_in_case_land_in_their_own_columns()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        await api.UploadOkAsync("t.csv", "k,K,k\n1,2,3\n", "twins");

        // The same header in another order: "K", then "k" twice, read as "k" and "k.1" as the upload's were.
        using var response = await api.UploadWithModeAsync("more.csv", "K,k,k\n5,4,6\n", "twins", "append");
        var appended = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created);

        Assert.That(await ContentAsync(api, appended), Is.EqualTo("k,K,k\n1,2,3\n4,5,6\n"));
    }

    [Test]
    public async Task Rows_are_appended_on_a_new_line_when_the_stored_file_has_no_final_line_break()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        await api.UploadOkAsync("t.csv", Csv.TrimEnd('\n'), "small");

        using var response = await api.UploadWithModeAsync("more.csv", "a,b,c\n3,z,true", "small", "append");
        var appended = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created);
        var content = await ContentAsync(api, appended);

        Assert.Multiple(() =>
        {
            Assert.That((int?)appended["rowCount"], Is.EqualTo(3));
            Assert.That(content, Is.EqualTo(Csv + "3,z,true\n"));
        });
    }

    [Test]
    public async Task Appending_rows_with_other_columns_is_refused_naming_the_missing_and_extra_ones_and_stores_nothing()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var first = await api.UploadOkAsync("t.csv", Csv, "small");

        using var response = await api.UploadWithModeAsync("more.csv", "a,b,d\n3,z,9\n", "small", "append");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        var dataset = await api.GetObjectAsync($"/api/datasets/{first["id"]}");

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("schema-mismatch"));
            Assert.That((string?)problem["detail"], Does.Contain("missing column(s): 'c'").And.Contain("extra column(s): 'd'"));
            Assert.That(problem["errors"]!["file"], Is.Not.Null);
            Assert.That((int?)dataset["version"], Is.EqualTo(1));
            Assert.That(BlobFiles(factory), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task Appending_to_a_dataset_that_does_not_exist_is_not_found_and_stores_nothing()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        using var response = await api.UploadWithModeAsync("more.csv", Csv, "nothing-yet", "append");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "dataset-not-found");
        var list = await api.GetObjectAsync("/api/datasets");

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["detail"], Does.Contain("no dataset named 'nothing-yet'"));
            Assert.That(list["items"]!.AsArray(), Is.Empty);
            Assert.That(BlobFiles(factory), Is.Empty);
        });
    }

    [Test]
    public async Task Appending_a_file_with_no_rows_is_refused_and_stores_nothing()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        await api.UploadOkAsync("t.csv", Csv, "small");

        using var response = await api.UploadWithModeAsync("more.csv", "a,b,c\n", "small", "append");
        await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That(BlobFiles(factory), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task An_unknown_mode_is_refused_naming_the_field()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        using var response = await api.UploadWithModeAsync("t.csv", Csv, "small", "merge");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem["errors"]!["mode"]![0]!.ToString(), Does.Contain("replace (the default) or append"));
            Assert.That(BlobFiles(factory), Is.Empty);
        });
    }

    [Test]
    public async Task Replace_mode_makes_the_file_the_next_versions_whole_content()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        await api.UploadOkAsync("t.csv", Csv, "small");

        using var response = await api.UploadWithModeAsync("new.csv", "a,b,c\n9,q,true\n", "small", "replace");
        var replaced = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created);

        Assert.That(((int?)replaced["version"], (int?)replaced["rowCount"]), Is.EqualTo((2, 1)));
    }

    /// <summary>The version's stored file as the download endpoint gives it (on disk it is encrypted).</summary>
    private static Task<string> ContentAsync(ApiClient api, System.Text.Json.Nodes.JsonObject version) =>
        api.Http.GetStringAsync($"/api/datasets/{version["id"]}/versions/{version["version"]}/content");

    private static string[] BlobFiles(PlatformFactory factory)
    {
        var root = Path.Combine(factory.DataDirectory, "blobs", TenantId.Default.ToString(), "dataset");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
    }
}
