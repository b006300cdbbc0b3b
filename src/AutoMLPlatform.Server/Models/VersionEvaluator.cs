using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Insight.Reports;
using Microsoft.ML;

namespace AutoMLPlatform.Server.Models;

/// <summary>
/// Evaluates a model version on a labelled dataset version the caller names: checks that the data fits the model
/// (400 naming every missing or retyped column), scores the model as stored, builds the report and stores it with
/// the version, replacing the previous dataset report.
/// </summary>
internal sealed class VersionEvaluator(IDatasetStore datasets, IBlobStore blobs, StoredModelReader models, IModelInsightStore insights, TimeProvider time)
{
    public async Task<EvaluationReport> EvaluateAsync(TenantId tenant, ModelVersion version, EvaluateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.DatasetId))
        {
            throw new InvalidInputException("invalid-evaluation", "Give the id of a labelled dataset to evaluate on.", "datasetId");
        }

        var datasetId = DatasetId.TryParse(request.DatasetId, out var parsed) ? parsed : throw new DatasetNotFoundException(request.DatasetId);
        var dataset = await datasets.FindAsync(tenant, datasetId, cancellationToken).ConfigureAwait(false) ?? throw new DatasetNotFoundException(datasetId);
        var data = request.DatasetVersion is { } v
            ? await datasets.FindVersionAsync(tenant, datasetId, v, cancellationToken).ConfigureAwait(false) ?? throw new DatasetNotFoundException(datasetId, v)
            : dataset.Latest;
        var number = data.Version;
        CheckColumns(version, data.Schema);
        var table = await TableLoader.LoadAsync(blobs, data, cancellationToken).ConfigureAwait(false);

        var model = await models.ReadAsync(version, new MLContext(seed: 0), cancellationToken).ConfigureAwait(false);
        var scored = ModelEvaluator.Score(model, table);
        if (scored.Rows == 0)
        {
            throw new InvalidInputException(TrainingErrorCodes.NoLabelledRows,
                $"Dataset version {number} has no row with a value for '{version.Label}', so there is nothing to evaluate on.", "datasetId");
        }

        var report = EvaluationReportBuilder.Build(scored, EvaluationSource.Dataset,
            $"dataset {datasetId} version {number} ({scored.Rows} labelled rows)", time.GetUtcNow());
        await insights.SaveReportAsync(tenant, version.ModelName, version.Version, report, cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>Every column the model reads, and the label, must be in the data with the kind it had in training.</summary>
    private static void CheckColumns(ModelVersion version, DatasetSchema schema)
    {
        var missing = new List<string>();
        var retyped = new List<string>();
        foreach (var (name, numeric) in version.Inputs.Select(i => (i.Name, i.Type == ColumnType.Numeric)).Append((version.Label, false)))
        {
            var column = schema.Find(name);
            if (column is null)
            {
                missing.Add(name);
            }
            else if (name != version.Label && numeric != (column.Type == ColumnType.Numeric))
            {
                retyped.Add(name);
            }
        }

        var errors = new Dictionary<string, string[]>();
        if (missing.Count > 0)
        {
            errors["columns"] = [$"The dataset lacks columns the model needs: {string.Join(", ", missing.Select(n => $"'{n}'"))}."];
        }

        if (retyped.Count > 0)
        {
            errors["types"] = [$"These columns changed between numeric and text since training: {string.Join(", ", retyped.Select(n => $"'{n}'"))}."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException("columns-mismatch", errors);
        }
    }
}
