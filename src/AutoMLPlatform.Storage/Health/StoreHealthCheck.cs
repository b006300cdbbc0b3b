using AutoMLPlatform.Storage.Database;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AutoMLPlatform.Storage.Health;

/// <summary>
/// Readiness of the metadata store: opens a connection (a new one or a pooled one, which a stopped server has cut) and
/// reads the applied schema version, so a reachable database that was never migrated does not pass either.
/// </summary>
internal sealed class StoreHealthCheck(StoreDatabase database) : IHealthCheck
{
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return version is null
            ? HealthCheckResult.Unhealthy($"The {database.Provider} store has no schema yet.")
            : HealthCheckResult.Healthy($"The {database.Provider} store answers at schema version {version}.");
    }
}
