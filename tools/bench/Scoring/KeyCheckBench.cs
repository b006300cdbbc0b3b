using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// What the key check adds to one prediction request, in process: what the authentication and authorization
/// middlewares do for <c>POST /api/predict/{model}</c> (authenticate with the default scheme, then the policy
/// evaluator's authenticate and authorize for the <c>predict</c> scope policy) on a request carrying a valid key, with
/// the validator's cache warm as under load. Every request has its own scope and <c>HttpContext</c> anyway, so their
/// cost is timed alone in alternating turns and taken off; both figures are thread CPU time, per check.
/// </summary>
internal static class KeyCheckBench
{
    private const int Turns = 20;

    public sealed record Result(double MicrosecondsPerCheck, double MicrosecondsWithScope);

    public static async Task<Result> MeasureAsync(IServiceProvider services, string key, TimeSpan duration)
    {
        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var policy = (await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(ApiKeyDefaults.PolicyFor(ApiScopeNames.Predict)))!;
        var header = "Bearer " + key;
        var slice = duration / Turns;
        await TimeAsync(() => CheckAsync(services, evaluator, policy, header), slice);
        await TimeAsync(() => ScopeOnlyAsync(services, header), slice);
        var checks = new double[Turns];
        var withScope = new double[Turns];
        for (var turn = 0; turn < Turns; turn++)
        {
            var check = await TimeAsync(() => CheckAsync(services, evaluator, policy, header), slice);
            var scope = await TimeAsync(() => ScopeOnlyAsync(services, header), slice);
            checks[turn] = check - scope;
            withScope[turn] = check;
        }

        return new Result(InterleavedRates.Median(checks), InterleavedRates.Median(withScope));
    }

    /// <summary>Microseconds of this thread's CPU per call of <paramref name="step"/> (it completes synchronously).</summary>
    private static async Task<double> TimeAsync(Func<Task> step, TimeSpan slice)
    {
        var calls = 0;
        var started = InterleavedRates.ThreadCpuTime();
        TimeSpan used;
        do
        {
            for (var i = 0; i < 100; i++)
            {
                await step();
            }

            calls += 100;
            used = InterleavedRates.ThreadCpuTime() - started;
        }
        while (used < slice);

        return used.TotalMicroseconds / calls;
    }

    private static Task ScopeOnlyAsync(IServiceProvider services, string header)
    {
        using var scope = services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = header;
        return Task.CompletedTask;
    }

    private static async Task CheckAsync(IServiceProvider services, IPolicyEvaluator evaluator, AuthorizationPolicy policy, string header)
    {
        using var scope = services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = header;

        // AuthenticationMiddleware, then AuthorizationMiddleware, as they run for the endpoint.
        var authenticated = await context.AuthenticateAsync();
        if (authenticated.Principal is not null)
        {
            context.User = authenticated.Principal;
        }

        var result = await evaluator.AuthenticateAsync(policy, context);
        if (!(await evaluator.AuthorizeAsync(policy, result, context, null)).Succeeded)
        {
            throw new InvalidOperationException("The benchmark's key was refused.");
        }
    }
}
