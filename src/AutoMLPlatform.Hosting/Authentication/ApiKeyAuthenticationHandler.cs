using System.Text.Encodings.Web;
using AutoMLPlatform.Security.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>. Exactly one credential
/// is accepted: a repeated or oversized header is refused outright. Failures answer 401 problem details that say
/// what was wrong with the request, never whether some key exists. A key validated within the last second costs one
/// lookup on the header's characters and reuses its caller's principal (<see cref="CallerPrincipals"/>).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyValidator validator, CallerPrincipals principals, IProblemDetailsService problems, FailedKeyLimiter failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const int MaxHeaderLength = ApiKeyFactory.MaxLength + 16;
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization;
        var apiKey = Request.Headers[ApiKeyDefaults.HeaderName];
        if (authorization.Count + apiKey.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (authorization.Count + apiKey.Count > 1)
        {
            return Fail("Send one API key, in one Authorization or X-Api-Key header.");
        }

        var raw = authorization.Count == 1 ? authorization[0].AsSpan() : apiKey[0].AsSpan();
        if (raw.Length > MaxHeaderLength)
        {
            return Fail("The credential header is too long to be an API key.");
        }

        if (authorization.Count == 1 && !raw.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Send the API key as 'Authorization: Bearer <key>'.");
        }

        var key = (authorization.Count == 1 ? raw[BearerPrefix.Length..] : raw).Trim();
        if (!ApiKeyFactory.IsWellFormed(key))
        {
            return FailedAsync("The API key is malformed.");
        }

        return validator.TryGetCached(key, out var caller) ? Task.FromResult(Succeed(caller)) : ValidateAsync(key.ToString());
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure?.Message;
        Response.Headers.WWWAuthenticate = "Bearer";
        return AuthProblems.WriteAsync(problems, Context, StatusCodes.Status401Unauthorized, "An API key is required.",
            failure ?? "Send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.", "unauthenticated");
    }

    private static Task<AuthenticateResult> Fail(string message) => Task.FromResult(AuthenticateResult.Fail(message));

    /// <summary>The key is not in the validator's cache: look it up in the store (the first request of a key each second).</summary>
    private async Task<AuthenticateResult> ValidateAsync(string key)
    {
        var caller = await validator.ValidateAsync(key, Context.RequestAborted).ConfigureAwait(false);
        return caller is null ? await FailedAsync("The API key is unknown, revoked or expired.").ConfigureAwait(false) : Succeed(caller);
    }

    private AuthenticateResult Succeed(ApiCaller caller) => AuthenticateResult.Success(new AuthenticationTicket(principals.For(caller), ApiKeyDefaults.Scheme));

    /// <summary>A wrong key counts against the client's address; repeated failures from it are slowed (see <see cref="FailedKeyLimiter"/>).</summary>
    private async Task<AuthenticateResult> FailedAsync(string message)
    {
        await failures.RecordFailureAsync(Context, Context.RequestAborted).ConfigureAwait(false);
        return AuthenticateResult.Fail(message);
    }
}
