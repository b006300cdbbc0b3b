using System.Net;
using AutoMLPlatform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMLPlatform.Server.Console;

/// <summary>
/// <c>GET /api/bootstrap-key-file</c>: where this server keeps its first admin key, so the console's sign-in page names
/// the real file (the data directory depends on where the server was started and on its settings). Anonymous, because
/// the page asks before anyone has a key. It tells a path, never the key, and only to a caller on this machine (a
/// loopback address, as with the default <c>127.0.0.1</c> binding): the file can only be read there anyway, and an
/// absolute path tells a remote caller about the machine's layout (user names, mounts) for no use of theirs.
/// </summary>
internal static class BootstrapKeyFileEndpoints
{
    public const string Route = "/api/bootstrap-key-file";

    public const string RemoteErrorCode = "local-requests-only";

    public static IEndpointRouteBuilder MapBootstrapKeyFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, Get).AllowAnonymous().WithTags("Console")
            .WithSummary("The absolute path of the first admin key's file on this machine, and whether it exists (loopback callers only).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    internal static Results<Ok<BootstrapKeyFileResponse>, ProblemHttpResult> Get(HttpContext context, SecurityPaths paths)
    {
        if (!IsLoopback(context.Connection.RemoteIpAddress))
        {
            return TypedResults.Problem(
                title: "Only a caller on the server's machine may ask this.",
                detail: "The first admin key is in secrets/bootstrap.key under the server's data directory; ask the platform's administrator for a key.",
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["errorCode"] = RemoteErrorCode });
        }

        // The file is missing when AUTOMLPLATFORM_BOOTSTRAP_KEY gave the key, or after someone removed it once read.
        var file = Path.GetFullPath(paths.BootstrapKeyFile);
        return TypedResults.Ok(new BootstrapKeyFileResponse(file, File.Exists(file)));
    }

    /// <summary>An unknown address (an in-process test server, a Unix socket) counts as remote: the path is withheld.</summary>
    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
