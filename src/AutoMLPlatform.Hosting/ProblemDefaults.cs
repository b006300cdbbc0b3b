using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace AutoMLPlatform.Hosting;

/// <summary>
/// Completes every problem document the hosts write, whoever made it (our exception handler, authentication, the rate
/// limiter, status code pages): <c>type</c> (ASP.NET Core knows none for 413 and 429), <c>title</c>, <c>detail</c>,
/// <c>errorCode</c> and <c>traceId</c> are always there.
/// </summary>
internal static class ProblemDefaults
{
    private static readonly Dictionary<int, string> Types = new()
    {
        [400] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        [401] = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        [403] = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        [404] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        [405] = "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        [406] = "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        [408] = "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        [409] = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        [411] = "https://tools.ietf.org/html/rfc9110#section-15.5.12",
        [412] = "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        [413] = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        [415] = "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        [422] = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        [429] = "https://tools.ietf.org/html/rfc6585#section-4",
        [431] = "https://tools.ietf.org/html/rfc6585#section-5",
        [500] = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        [503] = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
    };

    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var phrase = ReasonPhrases.GetReasonPhrase(status);
        problem.Status = status;
        problem.Type ??= Types.GetValueOrDefault(status, "about:blank");
        problem.Title ??= phrase.Length > 0 ? phrase : "Error";
        problem.Detail ??= problem.Title;
        if (!problem.Extensions.ContainsKey("errorCode"))
        {
            problem.Extensions["errorCode"] = phrase.Length > 0 ? phrase.ToLowerInvariant().Replace(' ', '-') : "error";
        }

        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }
}
