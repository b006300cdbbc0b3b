using AutoMLPlatform.Storage.Database;
using Microsoft.Extensions.Hosting;

namespace AutoMLPlatform.Storage;

/// <summary>Applies migrations before the host takes requests or runs jobs.</summary>
internal sealed class StorageInitializer(MigrationRunner migrations) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrations.MigrateAsync(Migrations.All, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
