using System.Net;
using AutoMLPlatform.Client.Datasets;
using AutoMLPlatform.Client.Jobs;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Client.Tests.Jobs;

[Category("Slow")]
public class JobsClientTests
{
    private PlatformHost _host = null!;
    private AutoMLPlatformClient _client = null!;
    private Dataset _dataset = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = new PlatformHost();
        _client = _host.Client(configure: o => o.WatchInterval = TimeSpan.FromMilliseconds(100));
        _dataset = await _client.Datasets.UploadAsync(TestTables.Utf8(TestTables.BinaryCsv(200)), "jobs.csv");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task Watching_a_job_yields_its_states_until_it_succeeds_with_a_leaderboard_and_a_model_version()
    {
        var submitted = await _client.Jobs.SubmitAsync(new JobRequest(_dataset.Id, "y") { ModelName = "watched", TimeBudgetSeconds = 30, MaxTrials = 2 });

        var states = new List<Job>();
        await foreach (var job in _client.Jobs.WatchAsync(submitted.Id))
        {
            states.Add(job);
        }

        Assert.Multiple(() =>
        {
            Assert.That(submitted.Status, Is.EqualTo(JobStatus.Queued));
            Assert.That(states[^1].Status, Is.EqualTo(JobStatus.Succeeded), states[^1].Error);
            Assert.That(states[..^1].Select(s => s.IsFinished), Is.All.False, "only the last state is a finished one");
            Assert.That(states[^1].Model, Is.EqualTo(new ModelVersionRef("watched", 1)));
            Assert.That(states[^1].Leaderboard, Has.Count.EqualTo(2));
            Assert.That(states[^1].Columns!.Single(c => c.Name == "y").Role, Is.EqualTo("label"));
            Assert.That(states.Select(s => s.Progress.TrialsDone), Is.Ordered);
        });
    }

    [Test]
    public async Task A_cancelled_job_ends_cancelled_and_is_listed()
    {
        var submitted = await _client.Jobs.SubmitAsync(new JobRequest(_dataset.Id, "y") { ModelName = "cancelled", TimeBudgetSeconds = 600 });

        var cancelling = await _client.Jobs.CancelAsync(submitted.Id);
        Job? last = null;
        await foreach (var job in _client.Jobs.WatchAsync(submitted.Id))
        {
            last = job;
        }

        var listed = await _client.Jobs.ListAsync(limit: 500);
        Assert.Multiple(() =>
        {
            Assert.That(cancelling.CancelRequested || cancelling.Status == JobStatus.Cancelled, Is.True);
            Assert.That(last!.Status, Is.EqualTo(JobStatus.Cancelled));
            Assert.That(listed.Items.Select(j => j.Id), Does.Contain(submitted.Id));
        });
    }

    [Test]
    public void A_job_without_a_label_is_refused_400_with_the_field_message()
    {
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() => _client.Jobs.SubmitAsync(new JobRequest(_dataset.Id, "")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.Errors.Keys, Does.Contain("label"));
            Assert.That(error.Errors["label"], Is.Not.Empty);
        });
    }

    [Test]
    public void An_unknown_job_is_404()
    {
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() => _client.Jobs.GetAsync(new JobId(Guid.NewGuid())));

        Assert.That((error!.Status, error.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "job-not-found")));
    }
}
