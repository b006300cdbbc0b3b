using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Limits;

/// <summary>
/// Every input path against hostile input, on the server as a real process whose resident memory is read from
/// <c>/proc</c>: each attack alone, and all of them several times at once, is answered with its problem (status and
/// errorCode) while the server's peak resident memory stays within a stated bound over what it held just before.
/// Before the limits, the same server, sent these attacks one by one, grew from 400 MB to 2.1 GB and kept it; alone, a
/// million columns added 500 MB (and were accepted), 20 million fields 256 MB, a zip of a million entries 200 MB, four
/// 36-megapixel images 670 MB; the image bombs were answered 200 with the prediction of a blank picture. The bounds are
/// far below that and far above the noise of a warm server (0-20 MB an attack).
/// </summary>
[Category("Slow")]
[NonParallelizable]
public class InputMemoryBoundTests
{
    /// <summary>
    /// The most the server may hold at its peak in any of these tests, whatever it held before: after training both
    /// models it holds about 650 MB (400 MB before the image search, which loads the shared ResNet18 network, about
    /// 250 MB, to time it, and keeps it for the process). A server whose heap an earlier attack grew (and kept) stays
    /// over this; the per-attack bounds below are the tight ones.
    /// </summary>
    private const long ProcessBound = 1L << 30;

    /// <summary>The most one attack alone may add to the server's peak resident memory.</summary>
    private const long AloneBound = 128L << 20;

    /// <summary>The most all attacks at once (three of each) may add.</summary>
    private const long TogetherBound = 256L << 20;

    /// <summary>
    /// Four 36-megapixel images at once with a decode budget of one such image: one decode holds about 190 MB (RGBA and
    /// mipmaps), two at once would hold 380 MB, four (as before the budget) about 770 MB.
    /// </summary>
    private const long DecodeBudgetBound = 320L << 20;

    private static readonly Dictionary<string, Func<ApiClient, Task<HttpResponseMessage>>> Attacks = new()
    {
        ["image bomb in JSON"] = api => api.PostRawJsonAsync("/api/predict/blobs", Image(HostileInputs.BlackPng(30_000, 30_000))),
        ["image bomb in a CSV batch"] = api => PostCsvAsync(api, "/api/predict/blobs/batch",
            Encoding.ASCII.GetBytes("image\n" + Convert.ToBase64String(HostileInputs.HeaderOnlyPng(30_000, 30_000)) + "\n")),
        ["image bomb in OIP"] = api => api.PostRawJsonAsync("/v2/models/blobs/infer", new JsonObject
        {
            ["inputs"] = new JsonArray(new JsonObject
            {
                ["name"] = "image", ["shape"] = new JsonArray(1), ["datatype"] = "BYTES",
                ["data"] = new JsonArray(Convert.ToBase64String(HostileInputs.BlackPng(30_000, 30_000))),
            }),
        }.ToJsonString()),
        ["20 million fields in a CSV batch"] = api => PostCsvAsync(api, "/api/predict/rule/batch", HostileInputs.CsvWithFieldFlood(20_000_000)),
        ["a million columns uploaded"] = api => api.UploadAsync("wide.csv", HostileInputs.WideCsv(1_000_000), "wide"),
        ["a zip of a million entries uploaded"] = api => api.UploadAsync("many.zip", HostileInputs.ZipOfEmptyEntries(1_000_000), "many"),
        ["8 million OIP elements"] = api => api.PostRawJsonAsync("/v2/models/rule/infer",
            """{"inputs":[{"name":"x1","shape":[8000000],"datatype":"FP32","data":[""" + string.Join(',', Enumerable.Repeat("0", 8_000_000)) + "]}]}"),
        ["a 25 MB pipeline document"] = api => api.PostRawJsonAsync("/api/pipelines",
            """{"name":"big","dataset":"rule","label":"y","schedule":{"cron":"0 3 * * *"},"seed":[""" + string.Join(',', Enumerable.Repeat("0", 12_500_000)) + "]}"),
    };

    private static readonly Dictionary<string, (HttpStatusCode Status, string ErrorCode)> Answers = new()
    {
        ["image bomb in JSON"] = (HttpStatusCode.RequestEntityTooLarge, "image-too-large"),
        ["image bomb in a CSV batch"] = (HttpStatusCode.RequestEntityTooLarge, "image-too-large"),
        ["image bomb in OIP"] = (HttpStatusCode.RequestEntityTooLarge, "image-too-large"),
        ["20 million fields in a CSV batch"] = (HttpStatusCode.BadRequest, "csv-too-many-fields"),
        ["a million columns uploaded"] = (HttpStatusCode.BadRequest, "csv-too-many-columns"),
        ["a zip of a million entries uploaded"] = (HttpStatusCode.BadRequest, "zip-too-many-entries"),
        ["8 million OIP elements"] = (HttpStatusCode.RequestEntityTooLarge, "too-many-rows"),
        ["a 25 MB pipeline document"] = (HttpStatusCode.RequestEntityTooLarge, "payload-too-large"),
    };

    private TempDirectory _directory = null!;
    private ServerProcess _server = null!;
    private ApiClient _api = null!;
    private ProcessMemory _memory = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _directory = new TempDirectory();
        _server = await ServerProcess.StartAsync(_directory.Path, new Dictionary<string, string>
        {
            ["AutoMLPlatform:Pipelines:Directory"] = Path.Combine(_directory.Path, "no-pipelines"),
            ["AutoMLPlatform:Scoring:ImageDecodeBudgetPixels"] = "40000000",
            ["AutoMLPlatform:Scoring:ImageDecodeWait"] = "00:03:00",
        });
        _api = _server.Api();
        _api.Http.Timeout = TimeSpan.FromMinutes(5);
        _memory = new ProcessMemory(_server.ProcessId);
        await TrainAsync("blobs.zip", TestImages.BlobsZip(perClass: 40), "blobs", new { label = "label", timeBudgetSeconds = 20, modelName = "blobs" });
        await TrainAsync("rule.csv", Encoding.UTF8.GetBytes(TestTables.BinaryCsv(300)), "rule", new { label = "y", timeBudgetSeconds = 10, maxTrials = 1, modelName = "rule" });

        // Warm every path once (models loaded, pools and buffers made), so a test measures its attack and nothing else.
        await WarmAsync();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _api.Dispose();
        _server.Dispose();
        _directory.Dispose();
    }

    public static IEnumerable<string> AttackNames => Attacks.Keys;

    [TestCaseSource(nameof(AttackNames))]
    public async Task An_attack_alone_is_answered_with_its_problem_within_the_memory_bound(string attack)
    {
        var (before, peak, answers) = await MeasureAsync(() => SendAsync(attack));

        Assert.Multiple(() =>
        {
            Assert.That(answers, Is.EqualTo(new[] { Answers[attack] }));
            Assert.That(peak - before, Is.LessThan(AloneBound), $"peak {Mb(peak)} MB over {Mb(before)} MB before");
            Assert.That(peak, Is.LessThan(ProcessBound), "the server's peak resident memory");
        });
        TestContext.Out.WriteLine($"{attack}: peak +{Mb(peak - before)} MB over {Mb(before)} MB");
    }

    [Test]
    public async Task Three_of_every_attack_at_once_are_each_answered_with_its_problem_within_the_memory_bound()
    {
        var sent = Attacks.Keys.SelectMany(name => Enumerable.Repeat(name, 3)).ToArray();

        var (before, peak, answers) = await MeasureAsync(() => Task.WhenAll(sent.Select(SendAsync)));

        Assert.Multiple(() =>
        {
            Assert.That(answers, Is.EqualTo(sent.Select(name => Answers[name]).ToArray()));
            Assert.That(peak - before, Is.LessThan(TogetherBound), $"peak {Mb(peak)} MB over {Mb(before)} MB before");
            Assert.That(peak, Is.LessThan(ProcessBound), "the server's peak resident memory");
        });
        TestContext.Out.WriteLine($"all at once: peak +{Mb(peak - before)} MB over {Mb(before)} MB");
    }

    [Test]
    public async Task Four_large_images_at_once_share_one_decoding_budget_and_are_all_answered()
    {
        var image = Image(HostileInputs.BlackPng(6_000, 6_000));

        var (before, peak, statuses) = await MeasureStatusesAsync(() =>
            Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _api.PostRawJsonAsync("/api/predict/blobs", image))));

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(peak - before, Is.LessThan(DecodeBudgetBound), $"peak {Mb(peak)} MB over {Mb(before)} MB before");
            Assert.That(peak, Is.LessThan(ProcessBound), "the server's peak resident memory");
        });
        TestContext.Out.WriteLine($"four 36 MP images: peak +{Mb(peak - before)} MB over {Mb(before)} MB");
    }

    [Test]
    public async Task An_image_whose_pixels_do_not_decode_is_a_400_not_a_prediction_of_a_blank_canvas()
    {
        using var response = await _api.PostRawJsonAsync("/api/predict/blobs", Image(HostileInputs.TruncatedPng(64, 64)));
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("image-undecodable"));
    }

    private async Task<(long Before, long Peak, (HttpStatusCode, string)[] Answers)> MeasureAsync(Func<Task<(HttpStatusCode, string)>> send) =>
        await MeasureAsync(async () => new[] { await send() });

    private async Task<(long Before, long Peak, (HttpStatusCode, string)[] Answers)> MeasureAsync(Func<Task<(HttpStatusCode, string)[]>> send)
    {
        _memory.ResetPeak();
        var before = _memory.Resident;
        var answers = await send();
        return (before, _memory.Peak, answers);
    }

    private async Task<(long Before, long Peak, HttpStatusCode[] Statuses)> MeasureStatusesAsync(Func<Task<HttpResponseMessage[]>> send)
    {
        _memory.ResetPeak();
        var before = _memory.Resident;
        var responses = await send();
        var peak = _memory.Peak;
        var statuses = responses.Select(r => r.StatusCode).ToArray();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        return (before, peak, statuses);
    }

    private async Task<(HttpStatusCode, string)> SendAsync(string attack)
    {
        using var response = await Attacks[attack](_api);
        var text = await response.Content.ReadAsStringAsync();
        var errorCode = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? (string?)JsonNode.Parse(text)!["errorCode"] ?? "(none)"
            : text.Length > 200 ? text[..200] : text;
        return (response.StatusCode, errorCode);
    }

    private async Task TrainAsync(string fileName, byte[] content, string name, object job)
    {
        using var upload = await _api.UploadAsync(fileName, content, name);
        var dataset = await ApiClient.ReadObjectAsync(upload, HttpStatusCode.Created);
        var spec = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(job))!.AsObject();
        spec["datasetId"] = (string)dataset["id"]!;
        using var submitted = await _api.PostRawJsonAsync("/api/jobs", spec.ToJsonString());
        var id = (string)(await ApiClient.ReadObjectAsync(submitted, HttpStatusCode.Accepted))["id"]!;
        var done = await _api.WaitForJobAsync(id, TimeSpan.FromMinutes(5));
        Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
    }

    private async Task WarmAsync()
    {
        var blob = Convert.ToBase64String(TestImages.Blob("left", new Random(1)));
        using (var json = await _api.PostRawJsonAsync("/api/predict/blobs", Image(TestImages.Blob("left", new Random(1)))))
        using (var csv = await PostCsvAsync(_api, "/api/predict/blobs/batch", Encoding.ASCII.GetBytes($"image\n{blob}\n")))
        using (var oip = await _api.PostRawJsonAsync("/v2/models/rule/infer", """
            {"inputs":[{"name":"x1","shape":[1],"datatype":"FP32","data":[0.5]},{"name":"x2","shape":[1],"datatype":"FP32","data":[0.1]},
                       {"name":"color","shape":[1],"datatype":"BYTES","data":["red"]}]}
            """))
        using (var batch = await PostCsvAsync(_api, "/api/predict/rule/batch", Encoding.ASCII.GetBytes("x1,x2,color\n0.1,0.2,red\n")))
        using (var large = await _api.PostRawJsonAsync("/api/predict/blobs", Image(HostileInputs.BlackPng(6_000, 6_000))))
        {
            Assert.That(new[] { json.StatusCode, csv.StatusCode, oip.StatusCode, batch.StatusCode, large.StatusCode }, Is.All.EqualTo(HttpStatusCode.OK));
        }

        foreach (var attack in Attacks.Keys)
        {
            await SendAsync(attack);
        }
    }

    private static string Image(byte[] png) => new JsonObject { ["image"] = Convert.ToBase64String(png) }.ToJsonString();

    private static Task<HttpResponseMessage> PostCsvAsync(ApiClient api, string path, byte[] csv)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return api.Http.PostAsync(path, content);
    }

    private static long Mb(long bytes) => bytes >> 20;
}
