using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>Answers a missing scope with 403 problem details naming the scope; everything else as ASP.NET Core would.</summary>
internal sealed class ScopeAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var scopes = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ClaimsAuthorizationRequirement>()
            .Where(r => r.ClaimType == ApiKeyDefaults.ScopeClaim).SelectMany(r => r.AllowedValues ?? []).Distinct().ToArray() ?? [];
        var detail = scopes.Length > 0 ? $"This call needs an API key with the '{string.Join("' or '", scopes)}' scope." : "This call is not allowed for this API key.";
        return AuthProblems.WriteAsync(problems, context, StatusCodes.Status403Forbidden, "The API key lacks the scope this needs.", detail, "forbidden");
    }
}
