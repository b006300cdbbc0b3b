using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>API-key authentication, one authorization policy per scope, and the caller's tenant.</summary>
public static class AuthenticationExtensions
{
    /// <summary>
    /// Every endpoint needs an authenticated key unless it opts out (<c>AllowAnonymous</c>): a new endpoint cannot
    /// forget authentication. Scope policies are named by <see cref="ApiKeyDefaults.PolicyFor"/>.
    /// </summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<FailedKeyLimiter>();
        services.AddSingleton<CallerPrincipals>();
        services.AddPredictionRateLimits();
        services.AddSingleton<ICurrentTenant, ClaimsCurrentTenant>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ScopeAuthorizationResultHandler>();
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme).RequireAuthenticatedUser().Build())
            .AddScopePolicy(ApiScopeNames.Read)
            .AddScopePolicy(ApiScopeNames.Train)
            .AddScopePolicy(ApiScopeNames.Predict)
            .AddScopePolicy(ApiScopeNames.Admin)
            .AddScopePolicy(ApiScopeNames.Feedback)
            .AddPolicy(ApiKeyDefaults.SystemAdminPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireClaim(ApiKeyDefaults.ScopeClaim, ApiScopeNames.Admin)
                .RequireClaim(ApiKeyDefaults.TenantClaim, TenantId.Default.ToString()));
        return services;
    }

    /// <summary>Requires the given scope (e.g. <see cref="ApiScopeNames.Train"/>) on an endpoint or group.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyDefaults.PolicyFor(scope));

    // No AddAuthenticationSchemes here: the key scheme is the only and default one, so the authentication middleware has
    // already set the request's user, and naming the scheme would make the policy evaluator authenticate again and
    // merge a new principal on every request of the hot path.
    private static AuthorizationBuilder AddScopePolicy(this AuthorizationBuilder builder, string scope) =>
        builder.AddPolicy(ApiKeyDefaults.PolicyFor(scope), policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyDefaults.ScopeClaim, scope));
}
