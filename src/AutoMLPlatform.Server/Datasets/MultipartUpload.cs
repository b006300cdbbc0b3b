using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload as a stream: the <c>file</c> part goes straight into blob staging
/// (hashed as it is written, never held whole in memory), the <c>name</c> part is read as text.
/// </summary>
internal sealed class MultipartUpload : IAsyncDisposable
{
    private const int MaxNameBytes = 1024;

    private MultipartUpload(StagedBlob file, string? fileName, string? name, string? mode)
    {
        File = file;
        FileName = fileName;
        Name = name;
        Mode = mode;
    }

    public StagedBlob File { get; }

    public string? FileName { get; }

    public string? Name { get; }

    /// <summary>The <c>mode</c> part: <c>replace</c> or <c>append</c> (see <see cref="UploadModes"/>).</summary>
    public string? Mode { get; }

    public static async Task<MultipartUpload> ReadAsync(HttpRequest request, IBlobStore blobs, long maxFileBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length == 0)
        {
            throw new InvalidInputException("not-multipart", "Upload the dataset as multipart/form-data with a 'file' part and a 'name' part.", "file");
        }

        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!, request.Body);
        StagedBlob? file = null;
        string? fileName = null;
        string? name = null;
        string? mode = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
                {
                    case "file" when file is null:
                        fileName = HeaderUtilities.RemoveQuotes(disposition.FileName.HasValue ? disposition.FileName : disposition.FileNameStar).Value;
                        file = await blobs.StageAsync(section.Body, maxFileBytes, cancellationToken).ConfigureAwait(false);
                        break;
                    case "file":
                        throw new InvalidInputException("multiple-files", "Upload one file per request.", "file");
                    case "name":
                        name = await ReadTextAsync(section.Body, "name", cancellationToken).ConfigureAwait(false);
                        break;
                    case "mode":
                        mode = await ReadTextAsync(section.Body, "mode", cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException && file is null)
        {
            throw new InvalidInputException("bad-multipart", $"The multipart body could not be read: {ex.Message}", "file", ex);
        }
        catch
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return file is null
            ? throw new InvalidInputException("missing-file", "The upload has no 'file' part.", "file")
            : new MultipartUpload(file, fileName, name, mode);
    }

    public ValueTask DisposeAsync() => File.DisposeAsync();

    private static async Task<string> ReadTextAsync(Stream body, string field, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[MaxNameBytes + 1];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxNameBytes)
            {
                throw field == "name"
                    ? new InvalidInputException("invalid-dataset-name", "The dataset name is too long.", "name")
                    : new InvalidInputException("field-too-long", $"The '{field}' field is longer than {MaxNameBytes} bytes.", field);
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Trim();
    }
}
