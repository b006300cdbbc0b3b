using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Console.Tests;

public class UploadTests : ConsoleFixture
{
    /// <summary>An unterminated quote: the server refuses the file with a problem detail naming where.</summary>
    private const string BadCsv = "a,b\n\"1,2\n";

    [Test]
    public async Task Uploading_a_bad_file_shows_the_servers_problem_detail()
    {
        var expected = await ProblemDetailOfAsync(BadCsv);
        using var temp = new TempDirectory();
        var path = temp.File("bad.csv");
        await File.WriteAllTextAsync(path, BadCsv);
        Browser.SignIn(TestKeys.Admin);

        Browser.WaitFor("#upload-file").SendKeys(path);
        Browser.Find("#upload-name").SendKeys("bad");
        Browser.Find("#upload-submit").Click();

        var shown = Browser.WaitFor("#upload-result .problem");
        Assert.Multiple(() =>
        {
            Assert.That(shown.Text, Does.Contain(expected.Detail));
            Assert.That(shown.Text, Does.Contain(expected.ErrorCode));
        });
        Browser.Screenshot("bad-file");
    }

    [Test]
    public async Task Uploading_a_table_shows_its_schema_and_profile()
    {
        using var temp = new TempDirectory();
        var path = temp.File("small.csv");
        await File.WriteAllTextAsync(path, "x,colour,y\n1.5,red,yes\n2.5,blue,no\n,red,yes\n4,green,no\n");
        Browser.SignIn(TestKeys.Admin);

        Browser.WaitFor("#upload-file").SendKeys(path);
        Browser.Find("#upload-submit").Click();

        var schema = Browser.WaitFor("#schema");
        Assert.Multiple(() =>
        {
            Assert.That(schema.Text, Does.Contain("colour categorical"));
            Assert.That(schema.Text, Does.Contain("x numeric 25.0 %"), "a quarter of x is missing");
            Assert.That(Browser.Find("#preview").Text, Does.Contain("green"));
            Assert.That(Browser.FindAll("#schema canvas"), Has.Count.EqualTo(3), "a histogram per column");
        });
        Browser.Screenshot("dataset");
    }

    private async Task<(string Detail, string ErrorCode)> ProblemDetailOfAsync(string csv)
    {
        using var api = Platform.Api();
        using var form = new MultipartFormDataContent();
        var file = new StringContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "bad.csv");
        form.Add(new StringContent("bad-by-api"), "name");
        using var response = await api.PostAsync(new Uri("/api/datasets", UriKind.Relative), form);
        Assert.That((int)response.StatusCode, Is.EqualTo(400), "the server refuses the file");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((string)problem["detail"]!, (string)problem["errorCode"]!);
    }
}
