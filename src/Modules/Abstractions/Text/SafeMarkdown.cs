using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;

namespace NucleusCloud.Modules.Abstractions.Text;

/// <summary>
/// Markdown to HTML that is safe to put in a page: Markdig with raw HTML disabled, then an allow-list
/// over the result (elements, attributes, and link schemes), since no HTML sanitiser package exists here.
/// Anything not on the list is removed, keeping its text.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private static readonly HashSet<string> Elements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "sub", "sup", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
    };

    private static readonly Dictionary<string, string[]> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = ["href", "title"],
        ["th"] = ["align"],
        ["td"] = ["align"],
        ["ol"] = ["start"],
    };

    private static readonly string[] LinkSchemes = ["http", "https", "mailto"];

    private static readonly HtmlParser Parser = new();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var html = Markdown.ToHtml(markdown, Pipeline);
        var document = Parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;
        Clean(body);
        return body.InnerHtml;
    }

    private static void Clean(IElement parent)
    {
        foreach (var element in parent.Children.ToList())
        {
            Clean(element);
            if (!Elements.Contains(element.LocalName))
            {
                // Keep the text, drop the element (and with it any script or style content).
                if (element.LocalName is "script" or "style" or "iframe" or "object" or "embed" or "template")
                {
                    element.Remove();
                }
                else
                {
                    element.Replace([.. element.ChildNodes]);
                }

                continue;
            }

            var allowed = Attributes.GetValueOrDefault(element.LocalName, []);
            foreach (var attribute in element.Attributes.ToList())
            {
                if (!allowed.Contains(attribute.LocalName, StringComparer.OrdinalIgnoreCase))
                {
                    element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
                }
            }

            if (element.LocalName == "a")
            {
                var href = element.GetAttribute("href");
                if (href is null || !Uri.TryCreate(href, UriKind.Absolute, out var uri) || !LinkSchemes.Contains(uri.Scheme))
                {
                    element.RemoveAttribute("href");
                }
                else
                {
                    element.SetAttribute("rel", "nofollow noopener noreferrer");
                }
            }
        }
    }
}
