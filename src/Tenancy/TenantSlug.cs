using System.Text.RegularExpressions;

namespace NucleusCloud.Tenancy;

/// <summary>Rules for the slug that names a tenant in every URL.</summary>
public static partial class TenantSlug
{
    /// <summary>First path segments that belong to the platform itself, on every host name.</summary>
    public static readonly IReadOnlySet<string> PlatformSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api", "platform", "auth", "account", "hubs", "health", "openapi", "error", "not-found", "static",
        "assets", "css", "js", "img", "images", "lib", "fonts", "favicon.ico", "robots.txt", "_content",
        "_framework", "_blazor", "connect", ".well-known", "docs", "metrics", "jobs", "signin-sso",
    };

    /// <summary>Names a tenant can never take: the platform's segments, and the names of tenant pages and modules.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(
        PlatformSegments.Concat(["admin", "www", "showcase", "catalogue", "crm", "partners", "brand", "strategy", "exchange", "audit", "identity"]),
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>Null when <paramref name="slug"/> is acceptable, otherwise why not.</summary>
    public static string? Problem(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return "A slug is required.";
        }

        if (!Shape().IsMatch(slug))
        {
            return "A slug is 1–63 lowercase letters, digits or hyphens, starting and ending with a letter or digit.";
        }

        return Reserved.Contains(slug) ? $"'{slug}' is reserved by the platform." : null;
    }
}
