using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// Loads every <c>*.json</c> file of the pipelines directory into the store at start (default tenant), creating or
/// replacing the pipeline it names: the file wins over an API edit of the same name. A file that is not a valid
/// definition is logged as an error naming the file and the fields, and skipped; the others still load and the
/// platform starts. A definition whose dataset was not uploaded yet loads (with a warning): its runs fail, clearly,
/// until the dataset exists.
/// </summary>
internal sealed partial class PipelineFileLoader(PipelineValidator validator, IPipelineStore store, IOptions<PipelinesOptions> options,
    ILogger<PipelineFileLoader> logger)
{
    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var directory = options.Value.FullDirectory;
        if (!Directory.Exists(directory))
        {
            LogNoDirectory(directory);
            return 0;
        }

        var loaded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            try
            {
                var definition = await LoadFileAsync(path, loaded, cancellationToken).ConfigureAwait(false);
                loaded[definition.Name] = file;
                LogLoaded(file, definition.Name, definition.Schedule.Cron, definition.Schedule.TimeZone);
            }
            catch (InvalidInputException ex)
            {
                LogSkipped(file, Describe(ex));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogSkipped(file, ex.Message);
            }
        }

        return loaded.Count;
    }

    private async Task<PipelineDefinition> LoadFileAsync(string path, Dictionary<string, string> loaded, CancellationToken cancellationToken)
    {
        PipelineDocument document;
        await using (var stream = File.OpenRead(path))
        {
            document = await PipelineDocumentReader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        // A file that names no pipeline is named after itself: pipelines/penguins.json defines "penguins".
        document = document with { Name = document.Name ?? Path.GetFileNameWithoutExtension(path) };
        if (loaded.TryGetValue(document.Name, out var earlier))
        {
            throw new InvalidInputException("duplicate-pipeline", $"Pipeline '{document.Name}' is already defined by {earlier}.", "name");
        }

        var validated = await validator.ValidateAsync(TenantId.Default, document, allowMissingDataset: true, cancellationToken).ConfigureAwait(false);
        await store.UpsertAsync(TenantId.Default, validated.Definition, Pipeline.FileSource(Path.GetFileName(path)), cancellationToken).ConfigureAwait(false);
        if (!validated.DatasetFound)
        {
            LogDatasetMissing(validated.Definition.Name, validated.Definition.Dataset);
        }

        return validated.Definition;
    }

    private static string Describe(InvalidInputException ex) => ex.Errors.Count == 0
        ? ex.Message
        : string.Join(" ", ex.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));

    [LoggerMessage(Level = LogLevel.Information, Message = "No pipelines directory at {Directory}; no pipelines loaded from files")]
    private partial void LogNoDirectory(string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded pipeline {Pipeline} from {File}: cron '{Cron}' in {TimeZone}")]
    private partial void LogLoaded(string file, string pipeline, string cron, string timeZone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline file {File} was skipped, it is not a valid definition: {Problems}")]
    private partial void LogSkipped(string file, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pipeline {Pipeline} names dataset '{Dataset}', which does not exist yet; its runs fail until it is uploaded")]
    private partial void LogDatasetMissing(string pipeline, string dataset);
}
