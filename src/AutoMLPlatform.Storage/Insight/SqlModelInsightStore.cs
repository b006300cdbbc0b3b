using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Insight;

/// <summary>Insight documents in the <c>model_insights</c> table: one JSON document per (tenant, model, version, kind), upserted.</summary>
internal sealed class SqlModelInsightStore(StoreDatabase database, TimeProvider time) : IModelInsightStore
{
    private const string ValidationKind = "validation-report";
    private const string EvaluationKind = "evaluation-report";
    private const string ImportanceKind = "importance";

    public Task SaveReportAsync(TenantId tenant, string modelName, int version, EvaluationReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var kind = report.Source == EvaluationSource.Validation ? ValidationKind : EvaluationKind;
        return UpsertAsync(tenant, modelName, version, kind, StoreJson.Write(report), cancellationToken);
    }

    public Task SaveImportanceAsync(TenantId tenant, string modelName, int version, FeatureImportance importance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importance);
        return UpsertAsync(tenant, modelName, version, ImportanceKind, StoreJson.Write(importance), cancellationToken);
    }

    public async Task<ModelInsights> FindAsync(TenantId tenant, string modelName, int version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<(string Kind, string Json)>(new CommandDefinition(
            "SELECT kind, document_json FROM model_insights WHERE tenant_id = @Tenant AND model_name = @Name AND version = @Version",
            new { Tenant = tenant.ToString(), Name = modelName, Version = version }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Kind, r => r.Json, StringComparer.Ordinal);
        return new ModelInsights(
            rows.TryGetValue(ValidationKind, out var validation) ? StoreJson.Read<EvaluationReport>(validation) : null,
            rows.TryGetValue(EvaluationKind, out var evaluation) ? StoreJson.Read<EvaluationReport>(evaluation) : null,
            rows.TryGetValue(ImportanceKind, out var importance) ? StoreJson.Read<FeatureImportance>(importance) : null);
    }

    private async Task UpsertAsync(TenantId tenant, string modelName, int version, string kind, string json, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO model_insights (tenant_id, model_name, version, kind, document_json, updated_at)
            VALUES (@Tenant, @Name, @Version, @Kind, @Json, @Now)
            ON CONFLICT (tenant_id, model_name, version, kind) DO UPDATE SET document_json = excluded.document_json, updated_at = excluded.updated_at
            """, new { Tenant = tenant.ToString(), Name = modelName, Version = version, Kind = kind, Json = json, Now = UnixTime.ToMs(time.GetUtcNow()) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
