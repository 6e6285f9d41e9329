using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>A person renames their account and moves it to a new address, confirmed from the e-mail.</summary>
public sealed class ProfileTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task A_person_renames_and_confirms_a_new_address()
    {
        var before = $"before-{Guid.NewGuid():N}@example.org";
        var after = $"after-{Guid.NewGuid():N}@example.org";
        await fixture.App.NewUserAsync(Password, email: before);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.VisitAsync("/account/login");
            await page.FillAsync("#email", before);
            await page.FillAsync("#password", Password);
            await page.ClickAsync("main button[type=submit]");
            await page.ArrivedAtAsync("**/account");
            await page.ClickAsync("#edit-profile");
            await page.ArrivedAtAsync("**/account/profile");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.FillAsync("#display-name", "");
            await page.ClickAsync("#save-name");
            (await page.TextContentAsync(".validation-errors"))!.ShouldContain("Enter your name.");
            await page.FillAsync("#display-name", "Liis Tamm");
            await page.ClickAsync("#save-name");
            (await page.TextContentAsync("#profile-status"))!.ShouldContain("saved");

            await page.FillAsync("#new-email", after);
            await page.FillAsync("#email-password", Password);
            await page.ClickAsync("#change-email");
            (await page.TextContentAsync("#profile-status"))!.ShouldContain(after);
            await BrowserFixture.AssertAccessibleAsync(page);

            var link = new Uri(SmtpSink.LinkIn(await fixture.App.Mail.WaitForAsync(after)));
            await page.VisitAsync(link.PathAndQuery);
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.ClickAsync("#confirm-email");
            (await page.TextContentAsync("#email-confirmed"))!.ShouldContain(after);

            // The change renewed the security stamp; signing in again uses the new address.
            await page.ClickAsync("#continue-to-sign-in");
            await page.ArrivedAtAsync("**/account/login**");
            await page.FillAsync("#email", after);
            await page.FillAsync("#password", Password);
            await page.ClickAsync("main button[type=submit]");
            await page.ArrivedAtAsync("**/account");
            (await page.TextContentAsync("#account-email")).ShouldBe(after);
        });
    }
}
