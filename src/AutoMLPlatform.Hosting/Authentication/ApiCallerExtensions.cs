using AutoMLPlatform.Security.Keys;
using Microsoft.AspNetCore.Http;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>Reads the authenticated caller off a request.</summary>
public static class ApiCallerExtensions
{
    /// <summary>The caller the API key named, or null for an anonymous request.</summary>
    public static ApiCaller? Caller(this HttpContext context) =>
        context?.Items.TryGetValue(typeof(ApiCaller), out var caller) == true ? caller as ApiCaller : null;
}
