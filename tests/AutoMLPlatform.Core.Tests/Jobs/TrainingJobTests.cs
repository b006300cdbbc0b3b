using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Tests.Jobs;

public class TrainingJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Starting_a_queued_job_begins_a_new_attempt_with_a_heartbeat()
    {
        var job = NewJob();

        var running = job.Start(Now);

        Assert.Multiple(() =>
        {
            Assert.That(running.Status, Is.EqualTo(JobStatus.Running));
            Assert.That(running.Attempt, Is.EqualTo(1));
            Assert.That(running.HeartbeatAt, Is.EqualTo(Now));
        });
    }

    [Test]
    public void A_finished_job_cannot_be_cancelled()
    {
        var done = NewJob().Start(Now).Succeed(Now, new ModelVersionRef("m", 1));

        var error = Assert.Throws<InvalidJobTransitionException>(() => done.Cancel(Now));

        Assert.That(error!.From, Is.EqualTo(JobStatus.Succeeded));
    }

    [Test]
    public void A_queued_job_cannot_succeed_without_running()
    {
        Assert.Throws<InvalidJobTransitionException>(() => NewJob().Succeed(Now, new ModelVersionRef("m", 1)));
    }

    [Test]
    public void A_running_job_can_be_requeued_for_recovery_but_a_cancelled_one_cannot()
    {
        var running = NewJob().Start(Now);

        Assert.Multiple(() =>
        {
            Assert.That(running.Requeue().Status, Is.EqualTo(JobStatus.Queued));
            Assert.Throws<InvalidJobTransitionException>(() => running.Cancel(Now).Requeue());
        });
    }

    [TestCase(JobStatus.Succeeded)]
    [TestCase(JobStatus.Failed)]
    [TestCase(JobStatus.Cancelled)]
    public void Final_statuses_allow_no_further_move(JobStatus final)
    {
        Assert.That(Enum.GetValues<JobStatus>().Where(to => JobTransitions.IsAllowed(final, to)), Is.Empty);
    }

    private static TrainingJob NewJob() => TrainingJob.Create(TenantId.Default,
        new JobSpec(DatasetId.New(), 1, "y", null, null, TimeSpan.FromSeconds(10), "m"), Now);
}
