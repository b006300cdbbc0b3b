using AutoMLPlatform.Storage.Database;
using AutoMLPlatform.Storage.Feedback;
using Microsoft.Extensions.Hosting;

namespace AutoMLPlatform.Storage;

/// <summary>Applies migrations, then moves data kept in an earlier format, before the host takes requests or runs jobs.</summary>
internal sealed class StorageInitializer(MigrationRunner migrations, LegacyPredictionLog legacyLog) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrations.MigrateAsync(Migrations.All, cancellationToken).ConfigureAwait(false);
        await legacyLog.MoveAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
