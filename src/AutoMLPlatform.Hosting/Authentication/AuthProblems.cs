using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>Writes 401/403/429 answers as problem details, like every other error of the API.</summary>
internal static class AuthProblems
{
    public static async Task WriteAsync(IProblemDetailsService problems, HttpContext context, int status, string title, string detail, string errorCode)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["errorCode"] = errorCode;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false);
    }
}
