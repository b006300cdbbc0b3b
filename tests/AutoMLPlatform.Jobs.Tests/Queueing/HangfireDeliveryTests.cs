using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Jobs.Queueing;
using AutoMLPlatform.Jobs.Retraining;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AutoMLPlatform.Jobs.Tests.Queueing;

public class HangfireDeliveryTests
{
    [Test]
    public async Task An_enqueue_that_fails_on_storage_is_tried_again_until_it_lands_once()
    {
        var client = new FlakyClient(failures: 2);
        using var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var queue = new HangfireJobQueue(new HangfireDelivery(client, TimeProvider.System, factory.CreateLogger<HangfireDelivery>()), NoDeliveries);

        await queue.EnqueueAsync(JobId.New(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(client.Created, Has.Count.EqualTo(1));
            Assert.That(client.Created[0].Queue, Is.EqualTo(QueueNames.Training));
            Assert.That(client.Calls, Is.EqualTo(3));
            Assert.That(logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Category == typeof(HangfireDelivery).FullName), Is.EqualTo(2),
                "one warning per failed try");
        });
    }

    [Test]
    public void Waiting_out_an_outage_stops_when_cancelled()
    {
        var client = new FlakyClient(failures: int.MaxValue);
        var time = new FakeTimeProvider();
        using var factory = LoggerFactory.Create(_ => { });
        var delivery = new HangfireDelivery(client, time, factory.CreateLogger<HangfireDelivery>());
        using var cancel = new CancellationTokenSource();

        var delivering = new HangfirePipelineRunQueue(delivery, NoDeliveries).EnqueueAsync(PipelineRunId.New(), cancel.Token);
        cancel.Cancel();

        Assert.That(async () => await delivering, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(client.Created, Is.Empty);
    }

    [Test]
    public void A_failure_that_is_not_the_storage_s_is_not_retried()
    {
        var client = new FlakyClient(failures: 1, failure: () => new InvalidOperationException("a bug"));
        using var factory = LoggerFactory.Create(_ => { });
        var delivery = new HangfireDelivery(client, new FakeTimeProvider(), factory.CreateLogger<HangfireDelivery>());

        Assert.That(async () => await new HangfirePipelineRunQueue(delivery, NoDeliveries).EnqueueAsync(PipelineRunId.New(), CancellationToken.None),
            Throws.InstanceOf<InvalidOperationException>());
        Assert.That(client.Calls, Is.EqualTo(1));
    }

    private static HangfirePendingDeliveries NoDeliveries => new(new InMemoryStorage());

    /// <summary>A Hangfire client whose storage fails the first <c>failures</c> creations, as Hangfire reports it.</summary>
    private sealed class FlakyClient(int failures, Func<Exception>? failure = null) : IBackgroundJobClient
    {
        public List<(Job Job, string Queue)> Created { get; } = [];

        public int Calls { get; private set; }

        public string Create(Job job, IState state)
        {
            if (Calls++ < failures)
            {
                throw failure?.Invoke() ?? new BackgroundJobClientException("Background job creation failed.", new TimeoutException("connection reset"));
            }

            Created.Add((job, job.Queue ?? ((EnqueuedState)state).Queue));
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new NotSupportedException();
    }
}
