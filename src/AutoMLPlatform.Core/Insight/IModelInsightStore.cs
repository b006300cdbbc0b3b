using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Insight;

/// <summary>Evaluation reports and feature importance stored with model versions, one of each kind per version (a new one replaces the old).</summary>
public interface IModelInsightStore
{
    Task SaveReportAsync(TenantId tenant, string modelName, int version, EvaluationReport report, CancellationToken cancellationToken);

    Task SaveImportanceAsync(TenantId tenant, string modelName, int version, FeatureImportance importance, CancellationToken cancellationToken);

    /// <summary>What is stored for the version; <see cref="ModelInsights.Empty"/> when nothing is.</summary>
    Task<ModelInsights> FindAsync(TenantId tenant, string modelName, int version, CancellationToken cancellationToken);
}
