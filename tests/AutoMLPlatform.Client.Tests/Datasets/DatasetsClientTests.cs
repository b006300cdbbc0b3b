using System.Net;
using System.Text;
using AutoMLPlatform.Client.Datasets;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Client.Tests.Datasets;

public class DatasetsClientTests
{
    private PlatformHost _host = null!;
    private AutoMLPlatformClient _client = null!;
    private TempDirectory _directory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _host = new PlatformHost();
        _client = _host.Client();
        _directory = new TempDirectory();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _host.Dispose();
        _directory.Dispose();
    }

    [Test]
    public async Task Uploading_a_file_reports_progress_up_to_its_size_and_answers_the_stored_version_with_its_schema()
    {
        var path = Path.Combine(_directory.Path, "progress.csv");
        await File.WriteAllTextAsync(path, TestTables.BinaryCsv(3000));
        var reports = new List<UploadProgress>();

        var dataset = await _client.Datasets.UploadFileAsync(path, new DatasetUpload("progress"), new SynchronousProgress(reports.Add));

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Name, Is.EqualTo("progress"));
            Assert.That(dataset.Version, Is.EqualTo(1));
            Assert.That(dataset.RowCount, Is.EqualTo(3000));
            Assert.That(dataset.Schema.Columns.Select(c => c.Name), Is.EqualTo(new[] { "x1", "x2", "color", "y" }));
            Assert.That(dataset.Schema.Columns[0].Numeric, Is.Not.Null);
            Assert.That(reports, Has.Count.GreaterThan(1), "more than the final report for a file of several chunks");
            Assert.That(reports[^1], Is.EqualTo(new UploadProgress(new FileInfo(path).Length, new FileInfo(path).Length)));
            Assert.That(reports.Select(r => r.BytesSent), Is.Ordered);
        });
    }

    [Test]
    public async Task A_stream_that_cannot_seek_uploads_and_the_name_defaults_to_the_file_name()
    {
        await using var content = new ForwardOnlyStream(Encoding.UTF8.GetBytes(TestTables.BinaryCsv(50)));

        var dataset = await _client.Datasets.UploadAsync(content, "forward-only.csv");

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Name, Is.EqualTo("forward-only"));
            Assert.That(dataset.RowCount, Is.EqualTo(50));
        });
    }

    [Test]
    public async Task Appending_makes_a_version_with_both_files_rows_and_get_lists_the_versions()
    {
        var first = await _client.Datasets.UploadAsync(TestTables.Utf8(TestTables.BinaryCsv(40)), "grow.csv");
        var second = await _client.Datasets.UploadAsync(TestTables.Utf8(TestTables.BinaryCsv(10, seed: 3)), "more.csv", new DatasetUpload("grow", UploadMode.Append));

        var dataset = await _client.Datasets.GetAsync(first.Id);
        var version1 = await _client.Datasets.GetVersionAsync(first.Id, 1);

        Assert.Multiple(() =>
        {
            Assert.That(second.Id, Is.EqualTo(first.Id));
            Assert.That(second.RowCount, Is.EqualTo(50));
            Assert.That(dataset.Versions!.Select(v => v.Version), Is.EquivalentTo(new[] { 1, 2 }));
            Assert.That(version1.RowCount, Is.EqualTo(40));
        });
    }

    [Test]
    public async Task List_find_by_name_preview_histograms_and_download_read_what_was_uploaded()
    {
        var csv = TestTables.BinaryCsv(30);
        var uploaded = await _client.Datasets.UploadAsync(TestTables.Utf8(csv), "readable.csv");
        using var downloaded = new MemoryStream();

        var page = await _client.Datasets.ListAsync(limit: 500);
        var found = await _client.Datasets.FindByNameAsync("readable");
        var missing = await _client.Datasets.FindByNameAsync("no-such-dataset");
        var preview = await _client.Datasets.PreviewAsync(uploaded.Id, 1, rows: 2);
        var histograms = await _client.Datasets.HistogramsAsync(uploaded.Id, 1);
        await _client.Datasets.DownloadAsync(uploaded.Id, 1, downloaded);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items.Select(d => d.Id), Does.Contain(uploaded.Id));
            Assert.That(found?.Id, Is.EqualTo(uploaded.Id));
            Assert.That(missing, Is.Null);
            Assert.That(preview.Columns, Is.EqualTo(new[] { "x1", "x2", "color", "y" }));
            Assert.That(preview.Rows, Has.Count.EqualTo(2));
            Assert.That(preview.Rows[0][0], Is.EqualTo(csv.Split('\n')[1].Split(',')[0]));
            Assert.That(histograms.RowsRead, Is.EqualTo(30));
            Assert.That(histograms.Columns.Single(c => c.Name == "color").Counts.Sum(), Is.EqualTo(30));
            Assert.That(Encoding.UTF8.GetString(downloaded.ToArray()), Is.EqualTo(csv));
        });
    }

    [Test]
    public async Task A_deleted_dataset_answers_404_with_its_error_code()
    {
        var uploaded = await _client.Datasets.UploadAsync(TestTables.Utf8(TestTables.BinaryCsv(20)), "doomed.csv");

        await _client.Datasets.DeleteAsync(uploaded.Id);
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() => _client.Datasets.GetAsync(uploaded.Id));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(error.ErrorCode, Is.EqualTo("dataset-not-found"));
        });
    }

    [Test]
    public void A_file_that_is_not_a_table_is_refused_400_naming_the_field_and_stores_nothing()
    {
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() =>
            _client.Datasets.UploadAsync(new MemoryStream([0xFF, 0xFE, 0x00, 0x01]), "garbage.csv", new DatasetUpload("garbage")));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.IsRefusal, Is.True);
            Assert.That(error.ErrorCode, Is.Not.Null.And.Not.Empty);
            Assert.That(error.TraceId, Is.Not.Null.And.Not.Empty);
            Assert.That(await _client.Datasets.FindByNameAsync("garbage"), Is.Null);
        });
    }

    /// <summary>Reports on the calling thread, so the test sees every report before the upload's task completes.</summary>
    private sealed class SynchronousProgress(Action<UploadProgress> report) : IProgress<UploadProgress>
    {
        public void Report(UploadProgress value) => report(value);
    }

    /// <summary>A stream a network socket or pipe would give: read once, no length, no seeking.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
