using Microsoft.Playwright;

namespace NucleusCloud.Tests.Browser;

/// <summary>The API reference at <c>/docs</c> (Scalar) renders the product's OpenAPI document in Chromium under its own content policy.</summary>
public sealed class ApiReferenceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task The_reference_at_docs_lists_the_api_from_the_openapi_document_with_no_content_policy_violation()
    {
        var page = await fixture.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };
        var failedRequests = new List<string>();
        page.RequestFailed += (_, request) => failedRequests.Add(request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failedRequests.Add($"{response.Status} {response.Url}");
            }
        };

        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.VisitAsync("/docs/");
            // Rendered from /openapi/v1.json: the integrations' operations are listed.
            await page.GetByText("Identity: integrations").First.WaitForAsync();
            refused.ShouldBeEmpty();
            failedRequests.ShouldBeEmpty();
        });
    }
}
