using System.Web;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>A person who forgot the password follows the e-mailed link and signs in with a new one.</summary>
public sealed class PasswordResetTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_forgotten_password_is_replaced_through_the_emailed_link()
    {
        var email = $"forgetful-{Guid.NewGuid():N}@example.org";
        await fixture.App.NewUserAsync("the old long passphrase", email: email);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {

            await page.VisitAsync("/account/login");
            await page.ClickAsync("text=Forgotten your password?");
            await page.ArrivedAtAsync("**/account/forgot-password");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.FillAsync("#email", email);
            await page.ClickAsync("main button[type=submit]");
            (await page.TextContentAsync("[role=status]"))!.ShouldContain("on its way");

            var link = new Uri(SmtpSink.LinkIn(await fixture.App.Mail.WaitForAsync(email)));
            HttpUtility.ParseQueryString(link.Query)["email"].ShouldBe(email);
            await page.VisitAsync(link.PathAndQuery);
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.FillAsync("#new-password", "short");
            await page.ClickAsync("main button[type=submit]");
            (await page.TextContentAsync("[role=alert]"))!.ShouldContain("12");
            await page.FillAsync("#new-password", "the new long passphrase");
            await page.ClickAsync("main button[type=submit]");
            await page.ClickAsync("#continue-to-sign-in");
            await page.ArrivedAtAsync("**/account/login**");

            await page.FillAsync("#email", email);
            await page.FillAsync("#password", "the new long passphrase");
            await page.ClickAsync("main button[type=submit]");
            await page.ArrivedAtAsync("**/account");
            (await page.TextContentAsync("#account-email")).ShouldBe(email);
        });
    }
}
