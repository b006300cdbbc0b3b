using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// The benchmark's baseline for the key check: the standalone scoring host's own configuration, services and scoring
/// endpoints (<see cref="ScoringProgram.CreateBuilder"/>), with its pipeline minus the authentication and authorization
/// middlewares, and every request in the system tenant. It exists only here, run as a child process of the benchmark
/// (<c>serve-without-key-check DATA --urls URL</c>); the product has no switch that turns the check off.
/// </summary>
internal static class NoKeyCheckHost
{
    public const string Command = "serve-without-key-check";

    public static async Task RunAsync(string[] args)
    {
        var builder = ScoringProgram.CreateBuilder(args);
        builder.Services.AddSingleton<ICurrentTenant, SystemTenant>();

        // The endpoints still carry their scope metadata; without the authorization middleware routing would refuse them.
        builder.Services.Configure<RouteOptions>(routes => routes.SuppressCheckForUnhandledSecurityMetadata = true);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapPlatformHealth();
        app.MapScoringEndpoints();
        await app.RunAsync();
    }

    private sealed class SystemTenant : ICurrentTenant
    {
        public TenantId Id => TenantId.Default;
    }
}
