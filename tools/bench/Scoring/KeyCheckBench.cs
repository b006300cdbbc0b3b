using System.Diagnostics;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// What the key check costs one prediction request: the scoring host's own authentication handler and the
/// <c>predict</c> scope policy, run in process on a request carrying a valid key (the validator's cache warm, as
/// under load), timed per request. Compared with the CPU a request costs under wrk, it gives the check's share.
/// </summary>
internal static class KeyCheckBench
{
    public static async Task<double> MicrosecondsPerCheckAsync(IServiceProvider services, string key, TimeSpan duration)
    {
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var policy = ApiKeyDefaults.PolicyFor(ApiScopeNames.Predict);
        for (var i = 0; i < 1000; i++)
        {
            await CheckAsync(services, authorization, policy, key);
        }

        var watch = Stopwatch.StartNew();
        long checks = 0;
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < 1000; i++)
            {
                await CheckAsync(services, authorization, policy, key);
            }

            checks += 1000;
        }

        return watch.Elapsed.TotalMicroseconds / checks;
    }

    private static async Task CheckAsync(IServiceProvider services, IAuthorizationService authorization, string policy, string key)
    {
        using var scope = services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = "Bearer " + key;
        var authenticated = await context.AuthenticateAsync(ApiKeyDefaults.Scheme);
        if (!authenticated.Succeeded || !(await authorization.AuthorizeAsync(authenticated.Principal, null, policy)).Succeeded)
        {
            throw new InvalidOperationException("The benchmark's key was refused.");
        }
    }
}
