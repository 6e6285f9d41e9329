using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>A form as a server-rendered page renders it: where it posts, and its named fields with their values.</summary>
public sealed record PageForm(string Page, string Action, bool Multipart, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Blazor's form name (<c>_handler</c>), or the action when the form posts to an endpoint.</summary>
    public string Name => Fields.GetValueOrDefault("_handler") ?? Action;
}

/// <summary>Reads the forms of a page and posts them as a browser would (the antiforgery cookie and field included).</summary>
public static class PageForms
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static async Task<IReadOnlyList<PageForm>> ReadAsync(HttpClient client, string page)
    {
        var document = new HtmlParser().ParseDocument(await PageAsync(client, page));
        return [.. document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).Select(form => Read(page, form))];
    }

    private static PageForm Read(string page, IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                case IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.TryAdd(input.Name!, input.Value);
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.TryAdd(select.Name!, select.Value ?? "");
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.TryAdd(area.Name!, area.Value);
                    break;
            }
        }

        var action = form.GetAttribute("action");
        return new PageForm(page, string.IsNullOrEmpty(action) ? page : action, string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase), fields);
    }

    /// <summary>
    /// Posts <paramref name="form"/> with <paramref name="client"/>'s own antiforgery token (read from the
    /// page as that client sees it), the form's values overridden by <paramref name="values"/>, and an
    /// optional file.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, PageForm form, IReadOnlyDictionary<string, string>? values = null,
        (string Field, string FileName, byte[] Content)? file = null)
    {
        var fields = new Dictionary<string, string>(form.Fields, StringComparer.Ordinal);
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }

        fields[AntiforgeryField] = await TokenAsync(client, form.Page);
        HttpContent content;
        if (form.Multipart || file is not null)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in fields)
            {
                multipart.Add(new StringContent(value), key);
            }

            if (file is { } f)
            {
                var bytes = new ByteArrayContent(f.Content);
                bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                multipart.Add(bytes, f.Field, f.FileName);
            }

            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }

        return await client.PostAsync(form.Action, content);
    }

    private static async Task<string> PageAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, $"GET {page}");
        return html;
    }

    /// <summary>The antiforgery token the page gives this client (any form of the page carries it; the GET sets its cookie).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var document = new HtmlParser().ParseDocument(await PageAsync(client, page));
        return document.QuerySelector($"input[name='{AntiforgeryField}']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} renders no antiforgery token for this client.");
    }
}
