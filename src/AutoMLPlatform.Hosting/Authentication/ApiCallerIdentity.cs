using System.Security.Claims;
using AutoMLPlatform.Security.Keys;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>The identity an API key authenticates: its claims, and the <see cref="ApiCaller"/> they were made from.</summary>
internal sealed class ApiCallerIdentity(ApiCaller caller, IEnumerable<Claim> claims) : ClaimsIdentity(claims, ApiKeyDefaults.Scheme)
{
    public ApiCaller Caller { get; } = caller;
}
