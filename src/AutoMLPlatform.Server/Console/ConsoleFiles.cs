using Microsoft.Extensions.FileProviders;

namespace AutoMLPlatform.Server.Console;

/// <summary>
/// Serves the web console: the static files copied beside the server's binary (<c>console/</c>), at <c>/</c>.
/// The files are public (they hold no data; every call they make needs a key), and a Content-Security-Policy
/// allows them to load nothing from outside this server.
/// </summary>
internal static class ConsoleFiles
{
    /// <summary>The folder, beside the binary, that the build copies the console into.</summary>
    public const string FolderName = "console";

    /// <summary>Everything comes from this origin; no inline script or style, no frames, no plug-ins.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Adds the console's static files ahead of authentication, so loading the page needs no key. Does nothing when
    /// the folder is absent (a host built without the console).
    /// </summary>
    public static WebApplication UseConsoleFiles(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, FolderName);
        if (!Directory.Exists(root))
        {
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }
}
