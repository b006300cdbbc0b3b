using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Jobs.Training;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// The training half of a run: an ordinary training job (listed in <c>/api/jobs</c>) on the newest version of the
/// pipeline's dataset, told to keep the policy's held-out rows out of training.
/// </summary>
internal sealed class ChallengerTraining(IDatasetStore datasets, IJobStore jobs, ITrainingRunner runner, TimeProvider time, IOptions<JobsOptions> options)
{
    public async Task<TrainingJob> CreateJobAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var definition = run.Definition;
        var dataset = await datasets.FindByNameAsync(run.TenantId, definition.Dataset, cancellationToken).ConfigureAwait(false)
            ?? throw new UnprocessableException("pipeline-dataset-missing",
                $"The pipeline's dataset '{definition.Dataset}' does not exist; upload it (POST /api/datasets with name={definition.Dataset}).", "dataset");
        var newest = dataset.Latest;
        var spec = new JobSpec(dataset.Id, newest.Version, definition.Label, definition.Task, definition.Metric, definition.TimeBudget,
            definition.ModelName, definition.Seed, definition.MaxTrials, Holdout: definition.Holdout());
        var job = TrainingJob.Create(run.TenantId, spec, time.GetUtcNow());
        await jobs.CreateAsync(job, cancellationToken).ConfigureAwait(false);
        return job;
    }

    /// <summary>
    /// Trains the job in this worker if it is still queued, else waits for whoever has it; returns the registered
    /// version, or throws when the job failed, or <see cref="ChallengerCancelledException"/> when it was cancelled.
    /// </summary>
    public async Task<ModelVersionRef> CompleteAsync(JobId id, CancellationToken cancellationToken)
    {
        TrainingJob job;
        while (!(job = await jobs.FindAnyAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new JobNotFoundException(id)).IsFinal)
        {
            if (job.Status == JobStatus.Queued)
            {
                // Run here, not through the queue: with one Hangfire worker, this run would wait for a job queued behind
                // it forever. Also when the job went back to the queue (its try lost the database): the claim's
                // compare-and-set lets one of this worker and Hangfire's delivery run it.
                await runner.RunAsync(id, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // Another worker holds the job (it was recovered after a restart): its row says when it is done.
            await Task.Delay(options.Value.HeartbeatInterval, time, cancellationToken).ConfigureAwait(false);
        }

        // A job asked to stop that finished anyway (the request came as its last trial ended) still ends the run: the
        // person who cancelled it must not see the alias move.
        if (job.Status == JobStatus.Cancelled || job.CancelRequested)
        {
            throw new ChallengerCancelledException(job.Id);
        }

        return job is { Status: JobStatus.Succeeded, Result: { } result }
            ? result
            : throw new UnprocessableException("challenger-training-failed",
                $"Training job {job.Id} ended {job.Status.ToString().ToLowerInvariant()}{(job.Error is null ? "" : $": {job.Error}")}.");
    }
}
