using System.Security.Cryptography;
using Scalar.AspNetCore;

namespace NucleusCloud.Host.Startup;

/// <summary>
/// The API reference at <c>/docs</c> (Scalar, served from the package, no CDN), reading <c>/openapi/v1.json</c>. Its page starts with an
/// inline script and styles itself at run time, so it alone gets a content policy with a per-response nonce and inline styles.
/// </summary>
internal static class ApiReference
{
    public const string Path = "/docs";
    private const string NonceItem = "docs-nonce";

    public static void MapApiReference(this WebApplication app) =>
        app.MapScalarApiReference(Path, (options, context) => options
                .WithTitle("NucleusCloud API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .WithNonce(Nonce(context)))
            .AllowAnonymous();

    public static bool IsApiReference(HttpContext context) => context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The content policy of the reference page: its own nonce for the script, inline styles (no user content is on this page).</summary>
    public static string ContentSecurityPolicy(HttpContext context) =>
        $"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'nonce-{Nonce(context)}'; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static string Nonce(HttpContext context)
    {
        if (context.Items[NonceItem] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
        }

        return nonce;
    }
}
