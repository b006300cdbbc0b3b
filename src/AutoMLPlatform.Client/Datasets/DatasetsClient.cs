using System.Net.Http.Headers;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Datasets;

/// <summary>Datasets: upload (a new version under the same name), list, read, preview, download, delete.</summary>
public sealed class DatasetsClient
{
    private readonly ApiConnection _api;

    internal DatasetsClient(ApiConnection api) => _api = api;

    /// <summary>
    /// Uploads a CSV or TSV file, or a <c>.zip</c> of image class folders. The answer is the stored version: a new one,
    /// or the newest one when its bytes are the same. The file is streamed, never held in memory.
    /// </summary>
    public async Task<Dataset> UploadFileAsync(string path, DatasetUpload? upload = null, IProgress<UploadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            return await UploadAsync(file, Path.GetFileName(path), upload, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Uploads a file's content from <paramref name="content"/> (left open). <paramref name="fileName"/> says the format
    /// (<c>.csv</c>, <c>.tsv</c>, <c>.zip</c>) and, without <see cref="DatasetUpload.Name"/>, the dataset's name. A stream
    /// that cannot seek is sent once: its upload is not retried after a 429 or 503.
    /// </summary>
    public Task<Dataset> UploadAsync(Stream content, string fileName, DatasetUpload? upload = null, IProgress<UploadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        upload ??= new DatasetUpload();
        var file = new ProgressContent(content, progress);
        file.Headers.ContentType = new MediaTypeHeaderValue(MediaTypeOf(fileName));
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        Field(form, "name", upload.Name);
        Field(form, "mode", upload.Mode == UploadMode.Append ? "append" : null);
        Field(form, "sensitive", upload.Sensitive is { Count: > 0 } sensitive ? string.Join(",", sensitive) : null);
        Field(form, "hashColumns", upload.HashColumns is { Count: > 0 } hashed ? string.Join(",", hashed) : null);
        return _api.SendAsync<Dataset>(ApiRoutes.UploadDataset, ApiRoutes.UploadDataset.Path(), form, cancellationToken);
    }

    /// <summary>Datasets, newest first, each with its newest version.</summary>
    public Task<Page<Dataset>> ListAsync(int? offset = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Page<Dataset>>(ApiRoutes.ListDatasets, Query.Of(ApiRoutes.ListDatasets.Path(), ("offset", offset), ("limit", limit)), null, cancellationToken);

    /// <summary>A dataset's newest version, with <see cref="Dataset.Versions"/> listing every version.</summary>
    public Task<Dataset> GetAsync(DatasetId id, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Dataset>(ApiRoutes.GetDataset, ApiRoutes.GetDataset.Path(id), null, cancellationToken);

    /// <summary>One version of a dataset.</summary>
    public Task<Dataset> GetVersionAsync(DatasetId id, int version, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Dataset>(ApiRoutes.GetDatasetVersion, ApiRoutes.GetDatasetVersion.Path(id, version), null, cancellationToken);

    /// <summary>
    /// The newest dataset of that name, or null when the tenant has none. The platform addresses datasets by id; this
    /// looks the name up in the list (newest first).
    /// </summary>
    public async Task<Dataset?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        const int pageSize = 500;
        for (var offset = 0; ; offset += pageSize)
        {
            var page = await ListAsync(offset, pageSize, cancellationToken).ConfigureAwait(false);
            if (page.Items.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            if (page.Items.Count < pageSize)
            {
                return null;
            }
        }
    }

    /// <summary>The first rows of a table version (20 unless <paramref name="rows"/> says, at most 200), personal data masked.</summary>
    public Task<DatasetPreview> PreviewAsync(DatasetId id, int version, int? rows = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<DatasetPreview>(ApiRoutes.PreviewDataset, Query.Of(ApiRoutes.PreviewDataset.Path(id, version), ("rows", rows)), null, cancellationToken);

    /// <summary>A small histogram per column of a table version.</summary>
    public Task<DatasetHistograms> HistogramsAsync(DatasetId id, int version, CancellationToken cancellationToken = default) =>
        _api.SendAsync<DatasetHistograms>(ApiRoutes.DatasetHistograms, ApiRoutes.DatasetHistograms.Path(id, version), null, cancellationToken);

    /// <summary>Copies a version's file, as uploaded, into <paramref name="destination"/> (needs the <c>train</c> scope; audited).</summary>
    public async Task DownloadAsync(DatasetId id, int version, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var response = await _api.SendStreamingAsync(ApiRoutes.DownloadDataset, ApiRoutes.DownloadDataset.Path(id, version), null, cancellationToken)
            .ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a dataset and its files; models trained on it keep a tombstone in their lineage.</summary>
    public Task DeleteAsync(DatasetId id, CancellationToken cancellationToken = default) =>
        _api.SendAsync(ApiRoutes.DeleteDataset, ApiRoutes.DeleteDataset.Path(id), null, cancellationToken);

    private static void Field(MultipartFormDataContent form, string name, string? value)
    {
        if (value is not null)
        {
            form.Add(new StringContent(value), name);
        }
    }

    private static string MediaTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".zip" => "application/zip",
        ".tsv" => "text/tab-separated-values",
        _ => "text/csv",
    };
}
