namespace AutoMLPlatform.Client.Http;

/// <summary>
/// Every route the client calls. A test reads this list and the server's OpenAPI document and fails when the server
/// has a route that is neither here nor in its short list of routes the client leaves out on purpose.
/// </summary>
internal static class ApiRoutes
{
    public static readonly ApiRoute UploadDataset = new(HttpMethod.Post, "/api/datasets");
    public static readonly ApiRoute ListDatasets = new(HttpMethod.Get, "/api/datasets");
    public static readonly ApiRoute GetDataset = new(HttpMethod.Get, "/api/datasets/{id}");
    public static readonly ApiRoute DeleteDataset = new(HttpMethod.Delete, "/api/datasets/{id}");
    public static readonly ApiRoute GetDatasetVersion = new(HttpMethod.Get, "/api/datasets/{id}/versions/{version}");
    public static readonly ApiRoute PreviewDataset = new(HttpMethod.Get, "/api/datasets/{id}/versions/{version}/preview");
    public static readonly ApiRoute DatasetHistograms = new(HttpMethod.Get, "/api/datasets/{id}/versions/{version}/histograms");
    public static readonly ApiRoute DownloadDataset = new(HttpMethod.Get, "/api/datasets/{id}/versions/{version}/content");

    public static readonly ApiRoute SubmitJob = new(HttpMethod.Post, "/api/jobs");
    public static readonly ApiRoute ListJobs = new(HttpMethod.Get, "/api/jobs");
    public static readonly ApiRoute GetJob = new(HttpMethod.Get, "/api/jobs/{id}");
    public static readonly ApiRoute CancelJob = new(HttpMethod.Post, "/api/jobs/{id}/cancel");

    public static readonly ApiRoute ListModels = new(HttpMethod.Get, "/api/models");
    public static readonly ApiRoute GetModel = new(HttpMethod.Get, "/api/models/{name}");
    public static readonly ApiRoute ListVersions = new(HttpMethod.Get, "/api/models/{name}/versions");
    public static readonly ApiRoute GetVersion = new(HttpMethod.Get, "/api/models/{name}/versions/{version}");
    public static readonly ApiRoute DeleteVersion = new(HttpMethod.Delete, "/api/models/{name}/versions/{version}");
    public static readonly ApiRoute SetAlias = new(HttpMethod.Put, "/api/models/{name}/aliases/{alias}");
    public static readonly ApiRoute GetAlias = new(HttpMethod.Get, "/api/models/{name}/aliases/{alias}");
    public static readonly ApiRoute PromoteCanary = new(HttpMethod.Post, "/api/models/{name}/aliases/{alias}/promote-canary");
    public static readonly ApiRoute ClearSplit = new(HttpMethod.Delete, "/api/models/{name}/aliases/{alias}/split");
    public static readonly ApiRoute RollbackAlias = new(HttpMethod.Post, "/api/models/{name}/aliases/{alias}/rollback");
    public static readonly ApiRoute VersionReport = new(HttpMethod.Get, "/api/models/{name}/versions/{version}/report");
    public static readonly ApiRoute EvaluateVersion = new(HttpMethod.Post, "/api/models/{name}/versions/{version}/evaluate");
    public static readonly ApiRoute ExportOnnx = new(HttpMethod.Get, "/api/models/{name}/versions/{version}/onnx");
    public static readonly ApiRoute VersionDrift = new(HttpMethod.Get, "/api/models/{name}/versions/{version}/drift");

    public static readonly ApiRoute GetPredictionLog = new(HttpMethod.Get, "/api/models/{name}/prediction-log");
    public static readonly ApiRoute SetPredictionLog = new(HttpMethod.Put, "/api/models/{name}/prediction-log");
    public static readonly ApiRoute SendFeedback = new(HttpMethod.Post, "/api/models/{name}/feedback");
    public static readonly ApiRoute VersionQuality = new(HttpMethod.Get, "/api/models/{name}/versions/{version}/quality");
    public static readonly ApiRoute FeedbackDataset = new(HttpMethod.Post, "/api/models/{name}/versions/{version}/feedback-dataset");

    public static readonly ApiRoute Predict = new(HttpMethod.Post, "/api/predict/{model}");
    public static readonly ApiRoute PredictBatch = new(HttpMethod.Post, "/api/predict/{model}/batch");
    public static readonly ApiRoute Embeddings = new(HttpMethod.Post, "/api/embeddings");

    public static readonly ApiRoute ListKeys = new(HttpMethod.Get, "/api/keys");
    public static readonly ApiRoute CreateKey = new(HttpMethod.Post, "/api/keys");
    public static readonly ApiRoute RevokeKey = new(HttpMethod.Delete, "/api/keys/{id}");
    public static readonly ApiRoute ListTenants = new(HttpMethod.Get, "/api/tenants");
    public static readonly ApiRoute CreateTenant = new(HttpMethod.Post, "/api/tenants");
    public static readonly ApiRoute DeleteTenant = new(HttpMethod.Delete, "/api/tenants/{id}");
    public static readonly ApiRoute ListAudit = new(HttpMethod.Get, "/api/audit");
    public static readonly ApiRoute VerifyAudit = new(HttpMethod.Get, "/api/audit/verify");

    public static readonly ApiRoute CreatePipeline = new(HttpMethod.Post, "/api/pipelines");
    public static readonly ApiRoute ListPipelines = new(HttpMethod.Get, "/api/pipelines");
    public static readonly ApiRoute GetPipeline = new(HttpMethod.Get, "/api/pipelines/{name}");
    public static readonly ApiRoute ReplacePipeline = new(HttpMethod.Put, "/api/pipelines/{name}");
    public static readonly ApiRoute DeletePipeline = new(HttpMethod.Delete, "/api/pipelines/{name}");
    public static readonly ApiRoute RunPipeline = new(HttpMethod.Post, "/api/pipelines/{name}/run");
    public static readonly ApiRoute ListPipelineRuns = new(HttpMethod.Get, "/api/pipelines/{name}/runs");
    public static readonly ApiRoute GetPipelineRun = new(HttpMethod.Get, "/api/pipelines/{name}/runs/{id}");
    public static readonly ApiRoute CancelPipelineRun = new(HttpMethod.Post, "/api/pipelines/{name}/runs/{id}/cancel");
}
