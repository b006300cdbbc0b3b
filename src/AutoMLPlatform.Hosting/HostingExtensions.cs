using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Hosting.Health;
using AutoMLPlatform.Hosting.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Hosting;

/// <summary>Cross-cutting defaults every host of the platform calls once, after eShop's service defaults.</summary>
public static class HostingExtensions
{
    /// <summary>Problem details, our exception mapping, JSON conventions and limits, health checks and API-key authentication.</summary>
    public static IServiceCollection AddPlatformHostDefaults(this IServiceCollection services)
    {
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDefaults.Complete);
        services.AddExceptionHandler<PlatformExceptionHandler>();
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<IOptions<HostingOptions>>((json, hosting) =>
        {
            PlatformJson.Configure(json.SerializerOptions);
            json.SerializerOptions.MaxDepth = hosting.Value.MaxJsonDepth;
        });
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        services.AddApiKeyAuthentication();
        return services;
    }

    /// <summary>
    /// Errors as problem details, then API-key authentication, scope authorization and rate limits, in the order they
    /// must run, then the JSON body limit.
    /// </summary>
    /// <param name="app">The host.</param>
    /// <param name="audit">Middleware that must see each authenticated request's final status (the audit trail): it runs
    /// after authentication and before authorization, so refusals are recorded too.</param>
    public static WebApplication UsePlatformPipeline(this WebApplication app, Action<WebApplication>? audit = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseMiddleware<CallerLogScopeMiddleware>();
        audit?.Invoke(app);
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseJsonBodyLimit();
        return app;
    }

    /// <summary>
    /// <c>/alive</c> answers <c>Healthy</c> while the process runs (plain text, the cheapest answer: the scoring benchmark's
    /// anchor); <c>/health</c> runs every readiness check (the store, the data
    /// directory, a worker's Hangfire heartbeat) and answers 200, or 503 naming the checks that failed.
    /// </summary>
    public static IEndpointRouteBuilder MapPlatformHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        return endpoints;
    }
}
