using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Quotas;
using AutoMLPlatform.Server.Datasets;

namespace AutoMLPlatform.Server.Feedback;

/// <summary>
/// Turns a version's logged predictions that have feedback into a new version of a dataset: one row per prediction,
/// the version's input columns as it read them plus its label column holding the true outcome, so a pipeline retrains
/// on what production saw. Columns the model read as keyed hashes are left out: the log holds their hashes, and
/// training would hash them again, so a model trained on them would not match what requests send.
/// </summary>
internal sealed class FeedbackDatasetBuilder(IPredictionLogStore log, IBlobStore blobs, IDatasetStore datasets, TableInspector inspector, TenantQuotas quotas)
{
    /// <summary>Inputs are read back this many rows at a time, so memory holds one slice of them.</summary>
    private const int Slice = 2_000;

    public async Task<DatasetVersion> BuildAsync(TenantId tenant, ModelVersion version, string datasetName, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var rows = (await log.ReadAsync(tenant, version.ModelName, version.Version, from, to, cancellationToken).ConfigureAwait(false))
            .Where(r => r.HasFeedback).ToArray();
        if (rows.Length == 0)
        {
            throw new UnprocessableException("no-feedback", $"Version {version.Version} of '{version.ModelName}' has no logged prediction with feedback between {from:O} and {to:O}.");
        }

        var columns = version.Inputs.Where(c => !c.KeyedHash).Select(c => c.Name).ToArray();
        var pipe = new Pipe();
        var writing = WriteCsvAsync(pipe.Writer.AsStream(), tenant, version, columns, rows, cancellationToken);
        await using var staged = await blobs.StageAsync(pipe.Reader.AsStream(), long.MaxValue, cancellationToken).ConfigureAwait(false);
        await writing.ConfigureAwait(false);
        var profile = await inspector.ProfileAsync(staged, DatasetFormat.Csv, cancellationToken).ConfigureAwait(false);
        await quotas.EnsureRoomForAsync(tenant, staged.SizeBytes, cancellationToken).ConfigureAwait(false);
        await blobs.CommitAsync(staged, tenant, BlobKind.Dataset, cancellationToken).ConfigureAwait(false);
        return await datasets.AddVersionAsync(tenant, DatasetNames.Validate(datasetName),
            new NewDatasetVersion(staged.Sha256, staged.SizeBytes, profile.RowCount, DatasetFormat.Csv, profile.Schema), cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteCsvAsync(Stream destination, TenantId tenant, ModelVersion version, string[] columns, LabelledPrediction[] rows,
        CancellationToken cancellationToken)
    {
        // Disposing the writer completes the pipe, so the staging read ends, whether the rows were all written or not.
        var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(string.Join(',', columns.Append(version.Label).Select(Quote))).ConfigureAwait(false);
            foreach (var slice in rows.Chunk(Slice))
            {
                var inputs = await log.ReadInputsAsync(tenant, version.ModelName, slice.Select(r => r.Id).ToArray(), cancellationToken).ConfigureAwait(false);
                foreach (var row in slice)
                {
                    if (!inputs.TryGetValue(row.Id, out var json))
                    {
                        continue; // deleted by retention meanwhile
                    }

                    using var document = JsonDocument.Parse(json);
                    var cells = columns.Select(c => document.RootElement.TryGetProperty(c, out var cell) ? Cell(cell) : string.Empty);
                    var truth = row.TrueLabel ?? row.TrueValue!.Value.ToString("R", CultureInfo.InvariantCulture);
                    await writer.WriteLineAsync(string.Join(',', cells.Append(truth).Select(Quote))).ConfigureAwait(false);
                }
            }
        }
    }

    private static string Cell(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Number => cell.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.String => cell.GetString()!,
        _ => string.Empty,
    };

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
