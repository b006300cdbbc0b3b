using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Storage.Database;

namespace AutoMLPlatform.Storage.Pipelines;

/// <summary>The <c>pipeline_runs</c> table's row shape; converts to and from <see cref="PipelineRun"/>.</summary>
internal sealed class PipelineRunRow
{
    public const string Columns = """
        id AS Id, tenant_id AS TenantId, pipeline_name AS PipelineName, definition_json AS DefinitionJson, run_trigger AS RunTrigger,
        status AS Status, attempt AS Attempt, failures AS Failures, dataset_id AS DatasetId, dataset_version AS DatasetVersion,
        job_id AS JobId, job_ids_json AS JobIdsJson, decision_json AS DecisionJson, error AS Error, created_at AS CreatedAt,
        started_at AS StartedAt, finished_at AS FinishedAt, heartbeat_at AS HeartbeatAt, drift_json AS DriftJson,
        quality_json AS QualityJson
        """;

    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string PipelineName { get; set; } = "";
    public string DefinitionJson { get; set; } = "";
    public string RunTrigger { get; set; } = "";
    public string Status { get; set; } = "";
    public int Attempt { get; set; }
    public int Failures { get; set; }
    public string? DatasetId { get; set; }
    public int? DatasetVersion { get; set; }
    public string? JobId { get; set; }
    public string JobIdsJson { get; set; } = "[]";
    public string? DecisionJson { get; set; }
    public string? Error { get; set; }
    public long CreatedAt { get; set; }
    public long? StartedAt { get; set; }
    public long? FinishedAt { get; set; }
    public long? HeartbeatAt { get; set; }
    public string? DriftJson { get; set; }
    public string? QualityJson { get; set; }

    public static PipelineRunRow From(PipelineRun run) => new()
    {
        Id = run.Id.ToString(),
        TenantId = run.TenantId.ToString(),
        PipelineName = run.PipelineName,
        DefinitionJson = StoreJson.Write(run.Definition),
        RunTrigger = run.Trigger.ToString(),
        Status = run.Status.ToString(),
        Attempt = run.Attempt,
        Failures = run.Failures,
        DatasetId = run.DatasetId?.ToString(),
        DatasetVersion = run.DatasetVersion,
        JobId = run.JobId?.ToString(),
        JobIdsJson = StoreJson.Write(run.JobIds),
        DecisionJson = run.Decision is null ? null : StoreJson.Write(run.Decision),
        Error = run.Error,
        CreatedAt = UnixTime.ToMs(run.CreatedAt),
        StartedAt = UnixTime.ToMs(run.StartedAt),
        FinishedAt = UnixTime.ToMs(run.FinishedAt),
        HeartbeatAt = UnixTime.ToMs(run.HeartbeatAt),
        DriftJson = run.Drift is null ? null : StoreJson.Write(run.Drift),
        QualityJson = run.Quality is null ? null : StoreJson.Write(run.Quality),
    };

    public PipelineRun ToRun() => new(
        PipelineRunId.Parse(Id),
        Core.Tenancy.TenantId.Parse(TenantId),
        StoreJson.Read<PipelineDefinition>(DefinitionJson),
        Enum.Parse<RunTrigger>(RunTrigger),
        Enum.Parse<PipelineRunStatus>(Status),
        Attempt,
        Failures,
        DatasetId is null ? null : Core.Datasets.DatasetId.Parse(DatasetId),
        DatasetVersion,
        JobId is null ? null : Core.Jobs.JobId.Parse(JobId),
        StoreJson.Read<JobId[]>(JobIdsJson),
        DecisionJson is null ? null : StoreJson.Read<PromotionDecision>(DecisionJson),
        Error,
        UnixTime.FromMs(CreatedAt),
        UnixTime.FromMs(StartedAt),
        UnixTime.FromMs(FinishedAt),
        UnixTime.FromMs(HeartbeatAt),
        DriftJson is null ? null : StoreJson.Read<DriftCause>(DriftJson),
        QualityJson is null ? null : StoreJson.Read<QualityCause>(QualityJson));
}
