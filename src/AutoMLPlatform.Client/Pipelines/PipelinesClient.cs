using System.Text.Json;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Pipelines;

/// <summary>
/// Retraining pipelines. A definition is the JSON document of a <c>pipelines/*.json</c> file (name, dataset, label,
/// task, metric, budget, model, alias, schedule, promotion); what <see cref="GetAsync"/> answers can be edited and sent back.
/// </summary>
public sealed class PipelinesClient
{
    private readonly ApiConnection _api;

    internal PipelinesClient(ApiConnection api) => _api = api;

    public Task<Pipeline> CreateAsync(JsonElement definition, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Pipeline>(ApiRoutes.CreatePipeline, ApiRoutes.CreatePipeline.Path(), ApiConnection.Json(definition), cancellationToken);

    public Task<Page<Pipeline>> ListAsync(int? offset = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Page<Pipeline>>(ApiRoutes.ListPipelines, Query.Of(ApiRoutes.ListPipelines.Path(), ("offset", offset), ("limit", limit)), null, cancellationToken);

    public Task<Pipeline> GetAsync(string name, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Pipeline>(ApiRoutes.GetPipeline, ApiRoutes.GetPipeline.Path(name), null, cancellationToken);

    public Task<Pipeline> ReplaceAsync(string name, JsonElement definition, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Pipeline>(ApiRoutes.ReplacePipeline, ApiRoutes.ReplacePipeline.Path(name), ApiConnection.Json(definition), cancellationToken);

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        _api.SendAsync(ApiRoutes.DeletePipeline, ApiRoutes.DeletePipeline.Path(name), null, cancellationToken);

    /// <summary>Starts a run now (409 while one is under way).</summary>
    public Task<PipelineRun> RunAsync(string name, CancellationToken cancellationToken = default) =>
        _api.SendAsync<PipelineRun>(ApiRoutes.RunPipeline, ApiRoutes.RunPipeline.Path(name), null, cancellationToken);

    /// <summary>The pipeline's runs, newest first.</summary>
    public Task<Page<PipelineRun>> ListRunsAsync(string name, int? offset = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Page<PipelineRun>>(ApiRoutes.ListPipelineRuns, Query.Of(ApiRoutes.ListPipelineRuns.Path(name), ("offset", offset), ("limit", limit)), null,
            cancellationToken);

    /// <summary>
    /// Cancels a queued or running run and its training job (409 when it already ended). The run answered may still be
    /// running: it ends cancelled once its training job has stopped.
    /// </summary>
    public Task<PipelineRun> CancelRunAsync(string name, PipelineRunId id, CancellationToken cancellationToken = default) =>
        _api.SendAsync<PipelineRun>(ApiRoutes.CancelPipelineRun, ApiRoutes.CancelPipelineRun.Path(name, id), null, cancellationToken);

    public Task<PipelineRun> GetRunAsync(string name, PipelineRunId id, CancellationToken cancellationToken = default) =>
        _api.SendAsync<PipelineRun>(ApiRoutes.GetPipelineRun, ApiRoutes.GetPipelineRun.Path(name, id), null, cancellationToken);
}
