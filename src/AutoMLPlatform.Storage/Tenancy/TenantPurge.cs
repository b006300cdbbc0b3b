using System.Data.Common;
using Dapper;

namespace AutoMLPlatform.Storage.Tenancy;

/// <summary>
/// Deletes a deleted tenant's rows: everything it stored that names its data (dataset schemas, model inputs and classes,
/// metrics, reports, job specs and leaderboards, pipelines and runs, drift counters, the prediction log, keys). What stays is the tenant's
/// tombstone (id, name, when) and its audit entries: the audit trail is a hash chain that must stay whole.
/// Children go before parents (PostgreSQL enforces the foreign keys). Deleting the job rows is also how the tenant's
/// queued and running work is cancelled: a worker's next compare-and-set on the row fails, so it stops, writes nothing
/// more and registers nothing; a queued delivery finds no row and does nothing.
/// </summary>
internal static class TenantPurge
{
    /// <summary>The rows of one tenant.</summary>
    public const string OneTenant = "tenant_id = @Tenant";

    /// <summary>The rows of every deleted tenant: for the sweep that catches a write that raced the deletion.</summary>
    public const string DeletedTenants = "tenant_id IN (SELECT id FROM tenants WHERE deleted_at IS NOT NULL)";

    private static readonly string[] Statements =
    [
        "DELETE FROM trials WHERE job_id IN (SELECT id FROM jobs WHERE {0})",
        "DELETE FROM job_parts WHERE job_id IN (SELECT id FROM jobs WHERE {0})",
        "DELETE FROM jobs WHERE {0}",
        "DELETE FROM dataset_versions WHERE {0}",
        "DELETE FROM datasets WHERE {0}",
        "DELETE FROM model_insights WHERE {0}",
        "DELETE FROM model_drift WHERE {0}",
        "DELETE FROM prediction_log WHERE {0}",
        "DELETE FROM prediction_inputs WHERE {0}",
        "DELETE FROM prediction_blocks WHERE {0}",
        "DELETE FROM prediction_feedback WHERE {0}",
        "DELETE FROM prediction_log_settings WHERE {0}",
        "DELETE FROM alias_history WHERE {0}",
        "DELETE FROM model_aliases WHERE {0}",
        "DELETE FROM model_versions WHERE {0}",
        "DELETE FROM models WHERE {0}",
        "DELETE FROM pipeline_runs WHERE {0}",
        "DELETE FROM pipelines WHERE {0}",
        "DELETE FROM api_keys WHERE {0}",
    ];

    /// <summary>Runs every delete with <paramref name="predicate"/> inside <paramref name="transaction"/>; returns the rows deleted.</summary>
    public static async Task<int> RunAsync(DbConnection connection, DbTransaction transaction, string predicate, string? tenant, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var statement in Statements)
        {
            deleted += await connection.ExecuteAsync(new CommandDefinition(string.Format(System.Globalization.CultureInfo.InvariantCulture, statement, predicate),
                new { Tenant = tenant }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (deleted > 0)
        {
            // Scoring processes poll this revision: they re-resolve their aliases, find none, and unload the models.
            await connection.ExecuteAsync(new CommandDefinition("UPDATE registry_revision SET revision = revision + 1 WHERE id = 1",
                transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return deleted;
    }
}
