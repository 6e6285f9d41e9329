using AngleSharp.Html.Parser;
using NucleusCloud.Modules.Abstractions.Text;

namespace NucleusCloud.Tests.Unit;

public sealed class SafeMarkdownTests
{
    [Fact]
    public void Renders_ordinary_markdown()
    {
        var html = SafeMarkdown.ToHtml("## Title\n\nSome **bold** and a [link](https://x-road.global/).\n\n- one\n- two");
        html.ShouldContain("<h2");
        html.ShouldContain("<strong>bold</strong>");
        html.ShouldContain("href=\"https://x-road.global/\"");
        html.ShouldContain("rel=\"nofollow noopener noreferrer\"");
        html.ShouldContain("<li>two</li>");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("![x](https://example.org/a.png\" onerror=\"alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Never_lets_script_through(string markdown)
    {
        // Judge the markup as a browser would parse it: escaped text such as "&lt;img onerror" is harmless.
        var body = new HtmlParser().ParseDocument($"<body>{SafeMarkdown.ToHtml(markdown)}</body>").Body!;
        var elements = body.QuerySelectorAll("*");
        string[] dangerous = ["script", "iframe", "img", "object", "embed", "style"];
        elements.Select(e => e.LocalName).Intersect(dangerous).ShouldBeEmpty();
        elements.SelectMany(e => e.Attributes).ShouldNotContain(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        elements.Select(e => e.GetAttribute("href")).OfType<string>()
            .ShouldAllBe(href => href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_the_text_of_what_it_removes_and_links_only_absolute_addresses()
    {
        var html = SafeMarkdown.ToHtml("See [the admin page](/admin) and ![a map](https://example.org/map.png).\n\n3. third\n4. fourth\n\n| a | b |\n|:--|--:|\n| 1 | 2 |");
        var body = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;
        body.TextContent.ShouldContain("the admin page");
        body.QuerySelector("a")!.HasAttribute("href").ShouldBeFalse("a relative address would point into the platform");
        body.QuerySelector("img").ShouldBeNull();
        body.QuerySelector("ol")!.GetAttribute("start").ShouldBe("3");
        body.QuerySelector("td")!.GetAttribute("style").ShouldBeNull("no inline styles");
    }

    [Fact]
    public void Empty_input_renders_nothing() => SafeMarkdown.ToHtml("  ").ShouldBe("");
}
