using AutoMLPlatform.Security.Keys;
using Microsoft.AspNetCore.Http;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>Reads the authenticated caller off a request.</summary>
public static class ApiCallerExtensions
{
    /// <summary>The caller the API key named, or null for an anonymous request.</summary>
    public static ApiCaller? Caller(this HttpContext context)
    {
        if (context is null)
        {
            return null;
        }

        if (context.User.Identity is ApiCallerIdentity { IsAuthenticated: true } primary)
        {
            return primary.Caller;
        }

        foreach (var identity in context.User.Identities)
        {
            if (identity is ApiCallerIdentity { IsAuthenticated: true } caller)
            {
                return caller.Caller;
            }
        }

        return null;
    }
}
