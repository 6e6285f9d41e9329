namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>Return URLs come from the query string: only local paths are followed (no open redirects).</summary>
public static class LocalUrl
{
    public static string OrDefault(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : fallback;
}
