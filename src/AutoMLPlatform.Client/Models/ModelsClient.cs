using AutoMLPlatform.Client.Datasets;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Models;

/// <summary>The model registry: models, versions, aliases (promote, roll back), reports, evaluation, ONNX export and drift.</summary>
public sealed class ModelsClient
{
    /// <summary>The alias predictions use when none is named.</summary>
    public const string ProductionAlias = "production";

    private readonly ApiConnection _api;

    internal ModelsClient(ApiConnection api) => _api = api;

    /// <summary>Registered models with their aliases.</summary>
    public Task<Page<RegisteredModel>> ListAsync(int? offset = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Page<RegisteredModel>>(ApiRoutes.ListModels, Query.Of(ApiRoutes.ListModels.Path(), ("offset", offset), ("limit", limit)), null, cancellationToken);

    /// <summary>One registered model.</summary>
    public Task<RegisteredModel> GetAsync(string model, CancellationToken cancellationToken = default) =>
        _api.SendAsync<RegisteredModel>(ApiRoutes.GetModel, ApiRoutes.GetModel.Path(model), null, cancellationToken);

    /// <summary>A model's versions, newest first: every one, or a page of them when <paramref name="offset"/> or <paramref name="limit"/> is given.</summary>
    public Task<IReadOnlyList<ModelVersion>> ListVersionsAsync(string model, int? offset = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<IReadOnlyList<ModelVersion>>(ApiRoutes.ListVersions, Query.Of(ApiRoutes.ListVersions.Path(model), ("offset", offset), ("limit", limit)), null,
            cancellationToken);

    /// <summary>One version.</summary>
    public Task<ModelVersion> GetVersionAsync(string model, int version, CancellationToken cancellationToken = default) =>
        _api.SendAsync<ModelVersion>(ApiRoutes.GetVersion, ApiRoutes.GetVersion.Path(model, version), null, cancellationToken);

    /// <summary>Deletes a version's artifact (a tombstone stays); refused with 409 while an alias points at it.</summary>
    public Task DeleteVersionAsync(string model, int version, CancellationToken cancellationToken = default) =>
        _api.SendAsync(ApiRoutes.DeleteVersion, ApiRoutes.DeleteVersion.Path(model, version), null, cancellationToken);

    /// <summary>Points <paramref name="alias"/> (<c>production</c> by default) at <paramref name="version"/>: promotion in one call.</summary>
    public Task<AliasChange> PromoteAsync(string model, int version, string alias = ProductionAlias, CancellationToken cancellationToken = default) =>
        _api.SendAsync<AliasChange>(ApiRoutes.SetAlias, ApiRoutes.SetAlias.Path(model, alias), ApiConnection.Json(new { version }), cancellationToken);

    /// <summary>One alias: its version and traffic split.</summary>
    public Task<ModelAlias> GetAliasAsync(string model, string alias = ProductionAlias, CancellationToken cancellationToken = default) =>
        _api.SendAsync<ModelAlias>(ApiRoutes.GetAlias, ApiRoutes.GetAlias.Path(model, alias), null, cancellationToken);

    /// <summary>
    /// Points <paramref name="alias"/> at <paramref name="version"/> with a traffic split: a <paramref name="canary"/> that
    /// answers a share of the requests, and/or a <paramref name="shadow"/> that scores every row without answering. The
    /// alias's state is replaced (<see cref="PromoteAsync"/> clears a split). Audited.
    /// </summary>
    public Task<AliasChange> SetSplitAsync(string model, int version, CanaryTarget? canary, ShadowTarget? shadow, string alias = ProductionAlias,
        CancellationToken cancellationToken = default) =>
        _api.SendAsync<AliasChange>(ApiRoutes.SetAlias, ApiRoutes.SetAlias.Path(model, alias), ApiConnection.Json(new { version, canary, shadow }), cancellationToken);

    /// <summary>Makes the alias's canary its version and clears the split (409 <c>no-canary</c> without one); rollback undoes it.</summary>
    public Task<AliasChange> PromoteCanaryAsync(string model, string alias = ProductionAlias, CancellationToken cancellationToken = default) =>
        _api.SendAsync<AliasChange>(ApiRoutes.PromoteCanary, ApiRoutes.PromoteCanary.Path(model, alias), null, cancellationToken);

    /// <summary>Clears the alias's canary and shadow: its version answers every request again.</summary>
    public Task<AliasChange> ClearSplitAsync(string model, string alias = ProductionAlias, CancellationToken cancellationToken = default) =>
        _api.SendAsync<AliasChange>(ApiRoutes.ClearSplit, ApiRoutes.ClearSplit.Path(model, alias), null, cancellationToken);

    /// <summary>Points <paramref name="alias"/> back at the version it pointed at before its last move (409 when it never moved).</summary>
    public Task<AliasChange> RollbackAsync(string model, string alias = ProductionAlias, CancellationToken cancellationToken = default) =>
        _api.SendAsync<AliasChange>(ApiRoutes.RollbackAlias, ApiRoutes.RollbackAlias.Path(model, alias), null, cancellationToken);

    /// <summary>The version's evaluation reports and feature importance.</summary>
    public Task<ModelReport> GetReportAsync(string model, int version, CancellationToken cancellationToken = default) =>
        _api.SendAsync<ModelReport>(ApiRoutes.VersionReport, ApiRoutes.VersionReport.Path(model, version), null, cancellationToken);

    /// <summary>Scores the version on a labelled dataset (its newest version unless <paramref name="datasetVersion"/>) and stores the report.</summary>
    public Task<EvaluationReport> EvaluateAsync(string model, int version, DatasetId dataset, int? datasetVersion = null,
        CancellationToken cancellationToken = default) =>
        _api.SendAsync<EvaluationReport>(ApiRoutes.EvaluateVersion, ApiRoutes.EvaluateVersion.Path(model, version),
            ApiConnection.Json(new { datasetId = dataset, datasetVersion }), cancellationToken);

    /// <summary>
    /// Writes the version as ONNX into <paramref name="destination"/>. A version with a step that has no ONNX form answers
    /// 422 naming it (train with <see cref="Jobs.JobRequest.RequireOnnx"/> to get one that always exports).
    /// </summary>
    public async Task ExportOnnxAsync(string model, int version, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var response = await _api.SendStreamingAsync(ApiRoutes.ExportOnnx, ApiRoutes.ExportOnnx.Path(model, version), null, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drift of what the version scored against its training data.</summary>
    public Task<DriftReport> GetDriftAsync(string model, int version, CancellationToken cancellationToken = default) =>
        _api.SendAsync<DriftReport>(ApiRoutes.VersionDrift, ApiRoutes.VersionDrift.Path(model, version), null, cancellationToken);
}
