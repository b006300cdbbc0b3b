using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Server.Api;
using AutoMLPlatform.Server.Audit;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>Upload, list and read datasets: <c>/api/datasets</c>.</summary>
public static class DatasetEndpoints
{
    public static IEndpointRouteBuilder MapDatasetEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/datasets").WithTags("Datasets").RequireScope(ApiScopeNames.Read);
        group.MapPost("/", UploadAsync)
            .WithSummary("Uploads a CSV or TSV file, or a .zip of image class folders (multipart form: file, name, mode). Same name: a new version, " +
                "replacing the data (mode=replace, the default; same bytes as the newest version: nothing new) or adding the file's rows to it " +
                "(mode=append, tables only; same columns required).")
            .DisableAntiforgery()
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("dataset.upload"))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/", ListAsync).WithSummary("Lists datasets, newest first, with their newest version.");
        group.MapGet("/{id}", GetAsync).WithSummary("A dataset's newest version and the list of its versions.");
        group.MapGet("/{id}/versions/{version:int}", GetVersionAsync).WithSummary("One version of a dataset.");
        group.MapDelete("/{id}", DeleteAsync).RequireScope(ApiScopeNames.Train).WithMetadata(new AuditedAttribute("dataset.delete"))
            .WithSummary("Deletes a dataset and its files; tombstones stay for the lineage of models trained on it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/versions/{version:int}/preview", PreviewAsync).WithMetadata(new AuditedAttribute("dataset.preview"))
            .WithSummary("The first rows of a version (20 unless ?rows= says, at most 200); sensitive values masked.");
        group.MapGet("/{id}/versions/{version:int}/histograms", HistogramsAsync)
            .WithSummary("A small histogram per column (numeric: equal-width bins; others: the most frequent values), from the first 200,000 rows; " +
                "none for sensitive columns.");
        group.MapGet("/{id}/versions/{version:int}/content", DownloadAsync).RequireScope(ApiScopeNames.Train).WithMetadata(new AuditedAttribute("dataset.download"))
            .WithSummary("The version's file as uploaded (train scope; audited).");
        return endpoints;
    }

    internal static async Task<Results<Created<DatasetResponse>, Ok<DatasetResponse>>> UploadAsync(HttpContext http, DatasetUploader uploader,
        ICurrentTenant tenant, IOptions<UploadOptions> options, CancellationToken cancellationToken)
    {
        // Room for the multipart framing around the file; the file itself is limited while it is staged.
        var bodyLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodyLimit is { IsReadOnly: false })
        {
            bodyLimit.MaxRequestBodySize = options.Value.MaxFileBytes + (1 << 20);
        }

        var (dataset, created) = await uploader.UploadAsync(http.Request, tenant.Id, cancellationToken).ConfigureAwait(false);
        http.Items[AuditMiddleware.TargetItem] = $"dataset/{dataset.Id} version {dataset.Version}";
        return created
            ? TypedResults.Created($"/api/datasets/{dataset.Id}", dataset)
            : TypedResults.Ok(dataset);
    }

    internal static async Task<Ok<Page<DatasetResponse>>> ListAsync(int? offset, int? limit, IDatasetStore datasets, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var (o, l) = Paging.Validate(offset, limit);
        var items = await datasets.ListAsync(tenant.Id, o, l, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new Page<DatasetResponse>(items.Select(d => DatasetResponse.From(d.Name, d.Latest)).ToArray(), o, l));
    }

    internal static async Task<Ok<DatasetResponse>> GetAsync(string id, IDatasetStore datasets, ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var datasetId = ParseId(id);
        var dataset = await datasets.FindAsync(tenant.Id, datasetId, cancellationToken).ConfigureAwait(false)
            ?? throw new DatasetNotFoundException(datasetId);
        var versions = await datasets.ListVersionsAsync(tenant.Id, datasetId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(DatasetResponse.From(dataset.Name, dataset.Latest) with { Versions = versions.Select(DatasetVersionSummary.From).ToArray() });
    }

    internal static async Task<Ok<DatasetResponse>> GetVersionAsync(string id, int version, IDatasetStore datasets, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var datasetId = ParseId(id);
        var dataset = await datasets.FindAsync(tenant.Id, datasetId, cancellationToken).ConfigureAwait(false)
            ?? throw new DatasetNotFoundException(datasetId);
        var found = await datasets.FindVersionAsync(tenant.Id, datasetId, version, cancellationToken).ConfigureAwait(false)
            ?? throw new DatasetNotFoundException(datasetId, version);
        return TypedResults.Ok(DatasetResponse.From(dataset.Name, found));
    }

    internal static async Task<NoContent> DeleteAsync(string id, IDatasetStore datasets, IBlobStore blobs, ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var datasetId = ParseId(id);
        var orphans = await datasets.DeleteAsync(tenant.Id, datasetId, cancellationToken).ConfigureAwait(false)
            ?? throw new DatasetNotFoundException(datasetId);

        // Rows first, files after: a crash in between leaves unused files, never a live row without its file.
        foreach (var sha in orphans)
        {
            await blobs.DeleteAsync(tenant.Id, BlobKind.Dataset, sha, cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.NoContent();
    }

    internal static async Task<Ok<DatasetPreviewResponse>> PreviewAsync(string id, int version, int? rows, IDatasetStore datasets, IBlobStore blobs,
        ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var found = await FindVersionAsync(id, version, datasets, tenant, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await DatasetPreview.ReadAsync(blobs, found, rows ?? 20, cancellationToken).ConfigureAwait(false));
    }

    internal static async Task<Ok<DatasetHistogramsResponse>> HistogramsAsync(string id, int version, IDatasetStore datasets, IBlobStore blobs,
        ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var found = await FindVersionAsync(id, version, datasets, tenant, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await DatasetHistograms.ReadAsync(blobs, found, cancellationToken).ConfigureAwait(false));
    }

    internal static async Task<FileStreamHttpResult> DownloadAsync(string id, int version, IDatasetStore datasets, IBlobStore blobs,
        ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var found = await FindVersionAsync(id, version, datasets, tenant, cancellationToken).ConfigureAwait(false);
        var content = await blobs.OpenReadAsync(found.TenantId, BlobKind.Dataset, found.Sha256, cancellationToken).ConfigureAwait(false);
        var (type, extension) = found.Format == DatasetFormat.Tsv ? ("text/tab-separated-values", "tsv") : found.Format == DatasetFormat.Csv ? ("text/csv", "csv") : ("application/zip", "zip");
        return TypedResults.Stream(content, type, $"{found.DatasetId}-v{found.Version}.{extension}");
    }

    private static async Task<DatasetVersion> FindVersionAsync(string id, int version, IDatasetStore datasets, ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var datasetId = ParseId(id);
        return await datasets.FindVersionAsync(tenant.Id, datasetId, version, cancellationToken).ConfigureAwait(false)
            ?? throw new DatasetNotFoundException(datasetId, version);
    }

    /// <summary>A malformed id cannot name any dataset: it answers 404 like an unknown one.</summary>
    internal static DatasetId ParseId(string id) =>
        DatasetId.TryParse(id, out var parsed) ? parsed : throw new DatasetNotFoundException(id);
}
