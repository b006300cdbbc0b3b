using System.Net;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Datasets;

public class ImageDatasetUploadTests
{
    private static readonly byte[] Png = TestImages.Png(6, 6, (x, y) => (byte)(x * y));

    [Test]
    public async Task A_zip_of_class_folders_is_stored_with_an_image_and_a_label_column_and_the_count_of_each_class()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        using var response = await api.UploadAsync("shapes.zip", TestImages.BlobsZip(perClass: 3), "shapes");
        var dataset = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created);

        var columns = dataset["schema"]!["columns"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That((string?)dataset["format"], Is.EqualTo("imageZip"));
            Assert.That((int?)dataset["rowCount"], Is.EqualTo(9));
            Assert.That(columns.Select(c => (string?)c!["name"]), Is.EqualTo(new[] { "image", "label" }));
            Assert.That(columns.Select(c => (string?)c!["type"]), Is.EqualTo(new[] { "image", "categorical" }));
            Assert.That((int?)columns[1]!["valueCounts"]!["left"], Is.EqualTo(3));
            Assert.That(BlobFiles(factory), Has.Length.EqualTo(1));
        });
    }

    [TestCase("../evil.png", "zip-unsafe-path")]
    [TestCase("/abs/evil.png", "zip-unsafe-path")]
    [TestCase("a/notes.txt", "zip-not-an-image")]
    [TestCase("loose.png", "zip-no-class-folder")]
    public async Task A_zip_with_a_bad_entry_is_refused_and_nothing_is_stored(string entry, string errorCode)
    {
        var zip = TestImages.Zip([("a/1.png", Png), ("b/1.png", Png), (entry, entry.EndsWith(".txt", StringComparison.Ordinal) ? "hi"u8.ToArray() : Png)]);

        var problem = await RefusedAsync(zip, HttpStatusCode.BadRequest);

        Assert.That((string?)problem["errorCode"], Is.EqualTo(errorCode));
    }

    [Test]
    public async Task A_zip_with_one_class_is_refused()
    {
        var problem = await RefusedAsync(TestImages.Zip([("a/1.png", Png), ("a/2.png", Png)]), HttpStatusCode.BadRequest);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("zip-single-class"));
    }

    [Test]
    public async Task An_empty_zip_is_refused()
    {
        var problem = await RefusedAsync(TestImages.Zip([]), HttpStatusCode.BadRequest);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("zip-empty"));
    }

    [Test]
    public async Task A_file_named_zip_that_is_not_a_zip_is_refused()
    {
        var problem = await RefusedAsync("a,b\n1,2\n"u8.ToArray(), HttpStatusCode.BadRequest);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("zip-unreadable"));
    }

    [Test]
    public async Task A_zip_with_more_entries_than_configured_is_refused()
    {
        var zip = TestImages.Zip(Enumerable.Range(0, 8).Select(i => ($"{(i % 2 == 0 ? "a" : "b")}/{i}.png", Png)));

        var problem = await RefusedAsync(zip, HttpStatusCode.BadRequest, new() { ["AutoMLPlatform:Uploads:MaxImageZipEntries"] = "5" });

        Assert.That((string?)problem["errorCode"], Is.EqualTo("zip-too-many-entries"));
    }

    [Test]
    public async Task An_entry_that_inflates_past_the_limit_is_refused()
    {
        var bomb = new byte[4 << 20];
        Png.CopyTo(bomb, 0);
        var zip = TestImages.Zip([("a/1.png", Png), ("b/1.png", bomb)]);

        var problem = await RefusedAsync(zip, HttpStatusCode.BadRequest, new() { ["AutoMLPlatform:Uploads:MaxImageBytes"] = "100000" });

        Assert.That((string?)problem["errorCode"], Is.EqualTo("zip-entry-too-large"));
    }

    [Test]
    public async Task Images_that_inflate_past_the_total_limit_are_refused_with_413()
    {
        var zip = TestImages.BlobsZip(perClass: 10);

        var problem = await RefusedAsync(zip, HttpStatusCode.RequestEntityTooLarge, new() { ["AutoMLPlatform:Uploads:MaxImageZipInflatedBytes"] = "2000" });

        Assert.That((string?)problem["errorCode"], Is.EqualTo("payload-too-large"));
    }

    /// <summary>Uploads <paramref name="zip"/>, expects a problem with <paramref name="status"/>, and checks nothing was stored.</summary>
    private static async Task<System.Text.Json.Nodes.JsonObject> RefusedAsync(byte[] zip, HttpStatusCode status, Dictionary<string, string?>? settings = null)
    {
        using var factory = new PlatformFactory(settings ?? []);
        using var api = factory.Api();

        using var response = await api.UploadAsync("images.zip", zip, "images");
        var problem = await ApiClient.ProblemAsync(response, status);
        var list = await api.GetObjectAsync("/api/datasets");

        Assert.Multiple(() =>
        {
            Assert.That(list["items"]!.AsArray(), Is.Empty);
            Assert.That(BlobFiles(factory), Is.Empty);
        });
        return problem;
    }

    private static string[] BlobFiles(PlatformFactory factory) =>
        Directory.Exists(Path.Combine(factory.DataDirectory, "blobs"))
            ? Directory.GetFiles(Path.Combine(factory.DataDirectory, "blobs"), "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains(".staging", StringComparison.Ordinal)).ToArray()
            : [];
}
