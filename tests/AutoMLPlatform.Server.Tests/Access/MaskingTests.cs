using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Server.Tests.Access;

public class MaskingTests
{
    private static readonly string Csv = BuildCsv();

    [Test]
    public async Task Personal_data_columns_are_flagged_with_their_reason_and_no_summary()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        var dataset = await api.UploadOkAsync("people.csv", Csv, "people");
        var columns = dataset["schema"]!["columns"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => c!);

        Assert.Multiple(() =>
        {
            Assert.That((string?)columns["email"]["sensitive"]!["kind"], Is.EqualTo("email"));
            Assert.That((string?)columns["phone"]["sensitive"]!["kind"], Is.EqualTo("phone"));
            Assert.That((string?)columns["card"]["sensitive"]!["kind"], Is.EqualTo("paymentCard"));
            Assert.That((string?)columns["card"]["sensitive"]!["handling"], Is.EqualTo("drop"));
            Assert.That(columns["card"]["numeric"], Is.Null);
            Assert.That((string?)columns["card"]["sensitive"]!["reason"], Does.Contain("Luhn"));
            Assert.That(columns["spend"]["sensitive"], Is.Null);
        });
    }

    [Test]
    public async Task Columns_can_be_marked_sensitive_and_chosen_for_hashing_at_upload()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        var dataset = await UploadWithFieldsAsync(api, new() { ["sensitive"] = "nickname", ["hashColumns"] = "email,card" });
        var columns = dataset["schema"]!["columns"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => c!);

        Assert.Multiple(() =>
        {
            Assert.That((string?)columns["nickname"]["sensitive"]!["kind"], Is.EqualTo("marked"));
            Assert.That((string?)columns["email"]["sensitive"]!["handling"], Is.EqualTo("hash"));
            Assert.That((string?)columns["card"]["type"], Is.EqualTo("categorical"), "card numbers are hashed as written, not read as numbers");
        });
    }

    [TestCase("sensitive", "nope")]
    [TestCase("hashColumns", "nope")]
    [TestCase("hashColumns", "spend")]
    public async Task Marking_an_unknown_or_non_sensitive_column_is_refused_and_nothing_is_stored(string field, string value)
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        using var form = Form(new() { [field] = value });
        using var response = await api.Http.PostAsync("/api/datasets", form);
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        var list = await api.GetObjectAsync("/api/datasets");

        Assert.Multiple(() =>
        {
            Assert.That(problem["errors"]![field], Is.Not.Null);
            Assert.That(list["items"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task A_preview_masks_every_sensitive_value_and_shows_the_rest()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var dataset = await api.UploadOkAsync("people.csv", Csv, "people");

        var preview = await api.Http.GetStringAsync($"/api/datasets/{dataset["id"]}/versions/1/preview?rows=5");
        var first = JsonNode.Parse(preview)!["rows"]![0]!.AsArray().Select(v => (string?)v).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(preview, Does.Not.Contain("person0@example.com").And.Not.Contain("4111111111111111"));
            Assert.That(first[0], Is.EqualTo("p***@e***.com"));
            Assert.That(first[3], Is.EqualTo("120"));
        });
    }

    [Test]
    public async Task The_audit_trail_of_an_upload_and_preview_holds_no_personal_value()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var dataset = await api.UploadOkAsync("people.csv", Csv, "people");
        await api.Http.GetStringAsync($"/api/datasets/{dataset["id"]}/versions/1/preview");

        var audit = await api.Http.GetStringAsync("/api/audit");

        Assert.That(audit, Does.Not.Contain("example.com").And.Not.Contain("4111"));
    }

    private static async Task<JsonObject> UploadWithFieldsAsync(ApiClient api, Dictionary<string, string> fields)
    {
        using var form = Form(fields);
        using var response = await api.Http.PostAsync("/api/datasets", form);
        return await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created);
    }

    private static MultipartFormDataContent Form(Dictionary<string, string> fields)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Csv)), "file", "people.csv" }, { new StringContent("people"), "name" } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        return form;
    }

    private static string BuildCsv()
    {
        var text = new StringBuilder("email,phone,card,spend,nickname\n");
        string[] cards = ["4111111111111111", "5500000000000004", "340000000000009", "4012888888881881"];
        for (var i = 0; i < 60; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"person{i}@example.com,+44 20 7946 {1000 + i},{cards[i % 4]},{120 + i},nick{i % 7}\n");
        }

        return text.ToString();
    }
}
