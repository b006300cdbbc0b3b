using System.Globalization;
using System.Threading.RateLimiting;
using AutoMLPlatform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>
/// A token bucket per tenant on the prediction endpoints (<see cref="SecurityOptions.PredictionsPerSecondPerTenant"/>,
/// bursts up to twice that): one tenant's flood answers 429 with Retry-After without slowing the others.
/// </summary>
public static class PredictionRateLimits
{
    public const string Policy = "predictions";

    public static IServiceCollection AddPredictionRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var perSecond = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.PredictionsPerSecondPerTenant;
                var tenant = context.User.FindFirst(ApiKeyDefaults.TenantClaim)?.Value ?? "anonymous";
                return RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond * 2,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await AuthProblems.WriteAsync(context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>(), context.HttpContext,
                    StatusCodes.Status429TooManyRequests, "A quota or rate limit is used up.",
                    "The tenant's prediction rate limit is used up for this second; retry after the time in Retry-After.", "rate-limited").ConfigureAwait(false);
            };
        });
        return services;
    }

    /// <summary>Applies the per-tenant prediction limit to an endpoint.</summary>
    public static TBuilder RequirePredictionRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireRateLimiting(Policy);
}
