using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace NucleusCloud.Modules.Abstractions.Text;

/// <summary>
/// Markdown to HTML that is safe to put in a page: Markdig with raw HTML disabled, then HtmlSanitizer with the few elements and
/// attributes Markdown makes, links only to absolute http, https and mailto addresses (marked <c>nofollow noopener noreferrer</c>).
/// Anything else is removed, keeping its text.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private static readonly HashSet<string> Schemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    private static readonly HtmlSanitizer Sanitizer = Build();

    public static string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    private static HtmlSanitizer Build()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "sub", "sup", "code", "pre", "blockquote",
                "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "align", "start" },
            AllowedSchemes = Schemes,
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(),
        })
        {
            KeepChildNodes = true,
        };

        // Schemes are checked by the sanitiser; relative addresses, which would point into the platform itself, are not links here.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement { LocalName: "a" } link || link.GetAttribute("href") is not { } href)
            {
                return;
            }

            // ("/admin" parses as an absolute file: URI on Unix, hence the scheme check.)
            if (Uri.TryCreate(href, UriKind.Absolute, out var uri) && Schemes.Contains(uri.Scheme))
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
            else
            {
                link.RemoveAttribute("href");
            }
        };
        return sanitizer;
    }
}
