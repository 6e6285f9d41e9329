namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>The one test for addresses people enter (websites, documents, links).</summary>
public static class WebAddresses
{
    public const string Message = "Use an absolute http or https address.";

    /// <summary>An absolute http or https URI: never <c>javascript:</c>, <c>data:</c> or a relative path.</summary>
    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
