using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;

namespace AutoMLPlatform.Storage.Jobs;

/// <summary>The <c>jobs</c> table's row shape; converts to and from <see cref="TrainingJob"/>.</summary>
internal sealed class JobRow
{
    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string SpecJson { get; set; } = "";
    public string Status { get; set; } = "";
    public int Attempt { get; set; }
    public bool CancelRequested { get; set; }
    public string ProgressJson { get; set; } = "";
    public string? Error { get; set; }
    public string? ResultModel { get; set; }
    public int? ResultVersion { get; set; }
    public long CreatedAt { get; set; }
    public long? StartedAt { get; set; }
    public long? FinishedAt { get; set; }
    public long? HeartbeatAt { get; set; }

    public static JobRow From(TrainingJob job) => new()
    {
        Id = job.Id.ToString(),
        TenantId = job.TenantId.ToString(),
        SpecJson = StoreJson.Write(job.Spec),
        Status = job.Status.ToString(),
        Attempt = job.Attempt,
        CancelRequested = job.CancelRequested,
        ProgressJson = StoreJson.Write(job.Progress),
        Error = job.Error,
        ResultModel = job.Result?.ModelName,
        ResultVersion = job.Result?.Version,
        CreatedAt = UnixTime.ToMs(job.CreatedAt),
        StartedAt = UnixTime.ToMs(job.StartedAt),
        FinishedAt = UnixTime.ToMs(job.FinishedAt),
        HeartbeatAt = UnixTime.ToMs(job.HeartbeatAt),
    };

    public TrainingJob ToJob() => new(
        JobId.Parse(Id),
        Core.Tenancy.TenantId.Parse(TenantId),
        StoreJson.Read<JobSpec>(SpecJson),
        Enum.Parse<JobStatus>(Status),
        Attempt,
        CancelRequested,
        StoreJson.Read<JobProgress>(ProgressJson),
        Error,
        ResultModel is null || ResultVersion is null ? null : new ModelVersionRef(ResultModel, ResultVersion.Value),
        UnixTime.FromMs(CreatedAt),
        UnixTime.FromMs(StartedAt),
        UnixTime.FromMs(FinishedAt),
        UnixTime.FromMs(HeartbeatAt));
}
