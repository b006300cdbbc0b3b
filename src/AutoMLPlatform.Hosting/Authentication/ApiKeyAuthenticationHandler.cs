using System.Security.Claims;
using System.Text.Encodings.Web;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Security.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>. Exactly one credential
/// is accepted: a repeated or oversized header is refused outright. Failures answer 401 problem details that say
/// what was wrong with the request, never whether some key exists.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyValidator validator, IProblemDetailsService problems, FailedKeyLimiter failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const int MaxHeaderLength = ApiKeyFactory.MaxLength + 16;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization;
        var apiKey = Request.Headers[ApiKeyDefaults.HeaderName];
        if (authorization.Count + apiKey.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (authorization.Count + apiKey.Count > 1)
        {
            return Fail("Send one API key, in one Authorization or X-Api-Key header.");
        }

        var raw = authorization.Count == 1 ? authorization[0]! : apiKey[0]!;
        if (raw.Length > MaxHeaderLength)
        {
            return Fail("The credential header is too long to be an API key.");
        }

        string key;
        if (authorization.Count == 1)
        {
            if (!raw.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return Fail("Send the API key as 'Authorization: Bearer <key>'.");
            }

            key = raw["Bearer ".Length..].Trim();
        }
        else
        {
            key = raw.Trim();
        }

        if (!ApiKeyFactory.IsWellFormed(key))
        {
            return await FailedAsync("The API key is malformed.").ConfigureAwait(false);
        }

        var caller = await validator.ValidateAsync(key, Context.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            return await FailedAsync("The API key is unknown, revoked or expired.").ConfigureAwait(false);
        }

        var claims = new List<Claim>(6)
        {
            new(ApiKeyDefaults.TenantClaim, caller.Tenant.ToString()),
            new(ApiKeyDefaults.KeyIdClaim, caller.KeyId.ToString()),
        };
        claims.AddRange(ApiScopeNames.Names(caller.Scopes).Select(scope => new Claim(ApiKeyDefaults.ScopeClaim, scope)));
        Context.Items[typeof(ApiCaller)] = caller;
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure?.Message;
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteAsync(StatusCodes.Status401Unauthorized, "An API key is required.", failure ?? "Send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.", "unauthenticated");
    }

    private AuthenticateResult Fail(string message) => AuthenticateResult.Fail(message);

    /// <summary>A wrong key counts against the client's address; repeated failures from it are slowed (see <see cref="FailedKeyLimiter"/>).</summary>
    private async Task<AuthenticateResult> FailedAsync(string message)
    {
        await failures.RecordFailureAsync(Context, Context.RequestAborted).ConfigureAwait(false);
        return Fail(message);
    }

    private Task WriteAsync(int status, string title, string detail, string errorCode) =>
        AuthProblems.WriteAsync(problems, Context, status, title, detail, errorCode);
}
