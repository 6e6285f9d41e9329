using Microsoft.Playwright;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Browser;

/// <summary>An administrator uploads the logo, sets the brand's colours and tagline and adds a brochure to the library; the public showcase wears the brand.</summary>
public sealed class BrandTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task A_logo_upload_and_the_brand_kit_theme_the_showcase()
    {
        var tenant = await fixture.App.NewTenantAsync("sg");
        var email = $"brand-{Guid.NewGuid():N}@example.org";
        await fixture.App.GrantAsync(await fixture.App.NewUserAsync(Password, email: email), tenant, TenantRole.Admin);

        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.SignInAsync(email, Password);
            await page.VisitAsync($"/{tenant.Slug}/brand");
            await BrowserFixture.AssertAccessibleAsync(page);

            // A script disguised as a PNG is refused, and says why.
            await page.SetInputFilesAsync("#logo-file", new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = SampleFiles.SvgWithScript() });
            var refused = page.ArrivedAtAsync("**logo=type*");
            await page.ClickAsync("#upload-logo");
            await refused;
            (await page.TextContentAsync("#logo-status"))!.ShouldContain("SVG");

            await page.SetInputFilesAsync("#logo-file", new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = SampleFiles.Png(40, 20, 0x00, 0x31, 0x68) });
            var uploaded = page.ArrivedAtAsync("**logo=saved*");
            await page.ClickAsync("#upload-logo");
            await uploaded;
            (await page.TextContentAsync("#logo-status"))!.ShouldContain("saved");
            (await page.EvaluateAsync<int>("document.querySelector('#logo-preview').naturalWidth")).ShouldBe(40);

            await page.FillAsync("#tagline", "The digital republic");
            await page.FillAsync("#colour-primary", "#003168");
            await page.SelectOptionAsync("#heading-typeface", "Serif");
            await page.FillAsync("#key-messages", "Export; Ministries of ICT; Proven at national scale\nDiplomacy; Embassies; Twenty years of e-government");
            await page.ClickAsync("#save-kit");
            await page.WaitForSelectorAsync("#kit-status");
            (await page.TextContentAsync("#kit-status"))!.ShouldContain("saved");
            (await page.InputValueAsync("#key-messages")).ShouldContain("Diplomacy; Embassies; Twenty years of e-government");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.FillAsync("#asset-title", "Investor brochure");
            await page.SelectOptionAsync("#asset-kind", "Brochure");
            await page.SetInputFilesAsync("#asset-file", new FilePayload { Name = "brochure.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
            var added = page.ArrivedAtAsync("**asset=saved*");
            await page.ClickAsync("#upload-asset");
            await added;
            (await page.TextContentAsync("#assets"))!.ShouldContain("brochure.pdf");
            await page.ClickAsync("#assets button[id^=approve-]");
            await page.WaitForSelectorAsync("#approval-status");
            (await page.Locator("#assets button[id^=approve-]").CountAsync()).ShouldBe(0, "both assets are approved");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.ClickAsync("#view-showcase");
            await page.ArrivedAtAsync($"**/{tenant.Slug}/showcase");
            (await page.TextContentAsync("#showcase-tagline")).ShouldBe("The digital republic");
            await page.WaitForFunctionAsync("() => document.querySelector('#showcase-logo')?.complete");
            (await page.EvaluateAsync<int>("document.querySelector('#showcase-logo').naturalWidth")).ShouldBe(40);
            (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.shell-header')).backgroundColor")).ShouldBe("rgb(0, 49, 104)");
            (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('h1')).fontFamily"))!.ShouldContain("Charter");
            await BrowserFixture.AssertAccessibleAsync(page);
        });
    }
}
