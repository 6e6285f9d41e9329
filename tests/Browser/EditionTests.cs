using System.Net.Http.Json;
using Microsoft.Playwright;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// Forum editions in the browser: the demo Host started as <c>dotnet run</c> starts it shows UN DESA's outcome report; a host builds an edition
/// from the pages, and a member chooses not to be named. Axe runs on every page.
/// </summary>
public sealed class EditionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task The_demo_host_shows_undesas_outcome_report_of_its_demo_edition_and_its_public_page()
    {
        _ = fixture.App; // skips with the reason when Chromium is missing
        var database = Path.Combine(Path.GetTempPath(), $"nucleus-demo-{Guid.NewGuid():N}.db");
        var storage = Path.Combine(Path.GetTempPath(), $"nucleus-demo-files-{Guid.NewGuid():N}");
        try
        {
            await using var host = await HostProcess.StartAsync(new Dictionary<string, string>(TestDatabaseRoles.HostSettings(DatabaseProvider.Sqlite, $"Data Source={database}"))
            {
                ["Demo:Seed"] = "true",
                ["Demo:Password"] = Password,
                ["Storage:Root"] = storage,
            });
            var page = await fixture.NewPageAsync(new Uri(host.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)));
            await BrowserFixture.JourneyAsync(page, async () =>
            {
                await page.SignInAsync("owner@undesa.demo", Password);
                await page.VisitAsync("/undesa/exchange");
                await page.ClickAsync("#editions-link");
                await BrowserFixture.AssertAccessibleAsync(page);
                await page.ClickAsync("#editions a");
                (await page.TextContentAsync("h1"))!.ShouldStartWith("DGX ");
                await BrowserFixture.AssertAccessibleAsync(page);

                await page.ClickAsync("#report-link");
                await page.Locator("#outcome-report").WaitForAsync();
                (await page.TextContentAsync("#figure-countries"))!.Trim().ShouldBe("5");
                (await page.TextContentAsync("#figure-meetings"))!.Trim().ShouldBe("2");
                (await page.TextContentAsync("#figure-agreements"))!.Trim().ShouldBe("1");
                (await page.Locator("#participants tbody tr").CountAsync()).ShouldBe(6);
                (await page.Locator("#posts-chart rect").CountAsync()).ShouldBe(6, "one bar per row of the table");
                (await page.TextContentAsync("#participants"))!.ShouldContain("e-Estonia");
                await BrowserFixture.AssertAccessibleAsync(page);

                var csv = await page.APIRequest.GetAsync((await page.GetAttributeAsync("#report-csv", "href"))!);
                (await csv.TextAsync()).ShouldContain("(edition total),6,");

                await page.VisitAsync("/undesa/forum/dgx-2026");
                (await page.Locator("#countries li").CountAsync()).ShouldBe(5);
                (await page.Locator("#programme tbody tr").CountAsync()).ShouldBe(3);
                // Each meeting also in the reader's own time zone, written by the browser.
                var local = page.Locator("#programme [data-local-time]:not([hidden])").First;
                await local.WaitForAsync();
                (await local.TextContentAsync())!.ShouldStartWith("Your time:");
                await BrowserFixture.AssertAccessibleAsync(page);
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileName(database) + "*"))
            {
                File.Delete(file);
            }

            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }
        }
    }

    [SkippableFact]
    public async Task A_host_builds_an_edition_from_the_pages_and_a_member_chooses_not_to_be_named()
    {
        var app = fixture.App;
        var (hostEmail, memberEmail) = ($"host-{Guid.NewGuid():N}@un.example", $"member-{Guid.NewGuid():N}@ke.example");
        var host = await app.UserAsync(await app.NewTenantAsync("un"), password: Password, email: hostEmail);
        var member = await app.UserAsync(await app.NewTenantAsync("ke"), password: Password, email: memberEmail);
        var space = (await host.CreateSpaceAsync("Plenary hall")).Id();
        var (hostPage, memberPage) = (await fixture.NewPageAsync(), await fixture.NewPageAsync());

        await BrowserFixture.JourneyAsync(hostPage, async () =>
        {
            await hostPage.SignInAsync(hostEmail, Password);
            await hostPage.VisitAsync($"/{host.Tenant.Slug}/exchange/editions");
            await hostPage.Locator("#no-editions").WaitForAsync();
            await BrowserFixture.AssertAccessibleAsync(hostPage);

            // A wrong short address is named and the form keeps what was typed.
            await hostPage.FillAsync("#new-edition-name", "DGX 2027");
            await hostPage.FillAsync("#new-edition-slug", "dgx-2027");
            await hostPage.FillAsync("#new-edition-starts", "2027-03-01");
            await hostPage.FillAsync("#new-edition-ends", "2027-01-01");
            await hostPage.ClickAsync("#create-edition");
            (await hostPage.TextContentAsync("#edition-error"))!.ShouldContain("cannot end before it starts");
            (await hostPage.InputValueAsync("#new-edition-name")).ShouldBe("DGX 2027");
            await hostPage.FillAsync("#new-edition-ends", "2027-11-30");
            await hostPage.ClickAsync("#create-edition");
            (await hostPage.TextContentAsync("h1"))!.ShouldBe("DGX 2027");

            await hostPage.SelectOptionAsync("#space-to-add", space);
            await hostPage.ClickAsync("#add-space");
            await hostPage.Locator("#edition-spaces li", new() { HasTextString = "Plenary hall" }).WaitForAsync();
            await hostPage.FillAsync("#invite-tenants", member.Tenant.Slug);
            await hostPage.FillAsync("#invite-governments", "ict@gov.example.gh, Ghana Digital Centres, GH");
            await hostPage.ClickAsync("#invite");
            await hostPage.Locator("#invitations tbody tr").Nth(1).WaitForAsync();
            (await hostPage.TextContentAsync("#invitations"))!.ShouldContain("Awaiting a platform administrator");
            await BrowserFixture.AssertAccessibleAsync(hostPage);
        });

        await member.JoinAsync(space);
        await BrowserFixture.JourneyAsync(memberPage, async () =>
        {
            await memberPage.SignInAsync(memberEmail, Password);
            await memberPage.VisitAsync($"/{member.Tenant.Slug}/exchange/editions");
            await memberPage.ClickAsync("#editions a");
            (await memberPage.Locator("#invite").CountAsync()).ShouldBe(0, "only the host governs the edition");
            (await memberPage.Locator("#report-link").CountAsync()).ShouldBe(0);
            await memberPage.UncheckAsync("#named");
            await memberPage.ClickAsync("#save-naming");
            await memberPage.Locator("#named:not(:checked)").WaitForAsync();
            await BrowserFixture.AssertAccessibleAsync(memberPage);
        });

        await BrowserFixture.JourneyAsync(hostPage, async () =>
        {
            await hostPage.ClickAsync("#report-link");
            (await hostPage.TextContentAsync("#participants"))!.ShouldContain("Participants not named (1)");
            (await hostPage.TextContentAsync("#participants"))!.ShouldNotContain(member.Tenant.Name);
            await BrowserFixture.AssertAccessibleAsync(hostPage);

            // Deleting asks for the edition's name; the spaces stay.
            await hostPage.ClickAsync(".breadcrumb a");
            await hostPage.FillAsync("#confirm-edition", "DGX");
            await hostPage.ClickAsync("#delete-edition");
            (await hostPage.TextContentAsync("#edition-error"))!.ShouldContain("Type the edition's name");
            await hostPage.FillAsync("#confirm-edition", "DGX 2027");
            await hostPage.ClickAsync("#delete-edition");
            await hostPage.Locator("#no-editions").WaitForAsync();
            await hostPage.VisitAsync($"/{host.Tenant.Slug}/exchange/{space}");
            (await hostPage.TextContentAsync("h1"))!.ShouldBe("Plenary hall");
        });
    }
}
