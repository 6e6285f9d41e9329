using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>An editor submits a draft for review; an administrator publishes it and it appears on the showcase.</summary>
public sealed class CatalogueWorkflowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    private static async Task SignInAsync(Microsoft.Playwright.IPage page, string email)
    {
        await page.VisitAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.ArrivedAtAsync("**/account");
    }

    [SkippableFact]
    public async Task A_draft_goes_through_review_to_the_showcase()
    {
        var tenant = await fixture.App.NewTenantAsync("dk");
        var editorEmail = $"editor-{Guid.NewGuid():N}@example.org";
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.org";
        await fixture.App.GrantAsync(await fixture.App.NewUserAsync(Password, email: editorEmail), tenant, TenantRole.Editor);
        await fixture.App.GrantAsync(await fixture.App.NewUserAsync(Password, email: adminEmail), tenant, TenantRole.Admin);
        var draft = await fixture.App.MemberOf(TenantRole.Editor, tenant).CreateSolutionAsync(tenant, "Kolibri Lite", SolutionStatus.Draft);

        var editor = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(editor, async () =>
        {
            await SignInAsync(editor, editorEmail);
            await editor.VisitAsync($"/{tenant.Slug}/catalogue");
            await BrowserFixture.AssertAccessibleAsync(editor);
            await editor.ClickAsync("text=Kolibri Lite");
            await editor.ArrivedAtAsync($"**/catalogue/{draft.Id}");
            (await editor.Locator("#move-published").CountAsync()).ShouldBe(0, "an editor cannot publish");
            await editor.ClickAsync("#move-inreview");
            (await editor.TextContentAsync("#workflow-status"))!.ShouldContain("In review");
            (await editor.TextContentAsync("#history"))!.ShouldContain("moved from Draft to In review");
            await BrowserFixture.AssertAccessibleAsync(editor);
        });

        var admin = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(admin, async () =>
        {
            await SignInAsync(admin, adminEmail);
            await admin.VisitAsync($"/{tenant.Slug}/catalogue?status=InReview");
            await admin.ClickAsync("text=Kolibri Lite");
            await admin.ArrivedAtAsync($"**/catalogue/{draft.Id}");
            await admin.ClickAsync("#move-published");
            (await admin.TextContentAsync("#solution-status"))!.ShouldContain("Published");
            await admin.ClickAsync("text=See it on the public showcase");
            await admin.ArrivedAtAsync("**/showcase/solutions/kolibri-lite");
            (await admin.TextContentAsync("h1")).ShouldBe("Kolibri Lite");
        });

        var visitor = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(visitor, async () =>
        {
            await visitor.VisitAsync($"/{tenant.Slug}/showcase");
            (await visitor.TextContentAsync(".results"))!.ShouldContain("Kolibri Lite");
        });
    }
}
