namespace NucleusCloud.Tests.Browser;

/// <summary>The language switcher: English, French and Spanish, remembered across pages.</summary>
public sealed class LanguageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_person_switches_the_interface_to_french_then_spanish()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.VisitAsync("/account/login");
            (await page.GetAttributeAsync("html", "lang")).ShouldBe("en");

            await page.SelectOptionAsync("#language", "fr");
            await page.ClickAsync("#change-language");
            await page.WaitForSelectorAsync("html[lang=fr]");
            page.Url.ShouldEndWith("/account/login");
            (await page.TextContentAsync("h1")).ShouldBe("Se connecter");
            (await page.TextContentAsync("label[for=password]")).ShouldBe("Mot de passe");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.ClickAsync("text=Mot de passe oublié ?");
            await page.ArrivedAtAsync("**/account/forgot-password");
            (await page.TextContentAsync("h1")).ShouldBe("Mot de passe oublié");

            await page.VisitAsync("/");
            (await page.TextContentAsync("h2")).ShouldBe("Noyaux et organisations");

            await page.SelectOptionAsync("#language", "es");
            await page.ClickAsync("#change-language");
            await page.WaitForSelectorAsync("html[lang=es]");
            (await page.TextContentAsync("h2")).ShouldBe("Núcleos y organizaciones");
            await BrowserFixture.AssertAccessibleAsync(page);
        });
    }
}
