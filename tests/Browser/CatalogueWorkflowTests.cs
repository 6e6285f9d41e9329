using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Tests.Browser;

/// <summary>An editor creates a draft with the form and submits it for review; an administrator publishes it and it appears on the showcase.</summary>
public sealed class CatalogueWorkflowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task A_draft_goes_through_review_to_the_showcase()
    {
        var tenant = await fixture.App.NewTenantAsync("dk");
        var editorEmail = $"editor-{Guid.NewGuid():N}@example.org";
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.org";
        await fixture.App.GrantAsync(await fixture.App.NewUserAsync(Password, email: editorEmail), tenant, TenantRole.Editor);
        await fixture.App.GrantAsync(await fixture.App.NewUserAsync(Password, email: adminEmail), tenant, TenantRole.Admin);

        var editor = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(editor, async () =>
        {
            await editor.SignInAsync(editorEmail, Password);
            await editor.VisitAsync($"/{tenant.Slug}/catalogue");
            await BrowserFixture.AssertAccessibleAsync(editor);
            await editor.ClickAsync("#new-solution");
            await editor.ArrivedAtAsync("**/catalogue/new");
            await BrowserFixture.AssertAccessibleAsync(editor);
            await editor.FillAsync("#name", "Kolibri Lite");
            await editor.FillAsync("#summary", "Offline-first learning platform.");
            await editor.FillAsync("#description", "Works **without** a connection.");
            await editor.SelectOptionAsync("#maturity", "Pilot");
            await editor.FillAsync("#licence", "Not-A-Licence");
            await editor.CheckAsync("#sector-education");
            await editor.CheckAsync("#sdg-4");
            await editor.FillAsync("#deployment-countries", "ke, ug");
            await editor.ClickAsync("#save-solution");
            await editor.WaitForSelectorAsync("#form-error");
            (await editor.TextContentAsync("#form-error"))!.ShouldContain("SPDX");
            (await editor.InputValueAsync("#name")).ShouldBe("Kolibri Lite", "what was typed survives the refusal");
            (await editor.IsCheckedAsync("#sector-education")).ShouldBeTrue();
            await BrowserFixture.AssertAccessibleAsync(editor);
            await editor.FillAsync("#licence", "MIT");
            var created = editor.ArrivedAtAsync("**saved=1");
            await editor.ClickAsync("#save-solution");
            await created;
            (await editor.TextContentAsync("#solution-status"))!.ShouldContain("Draft");

            await editor.ClickAsync("#add-case-study");
            await editor.ArrivedAtAsync("**/case-studies/new");
            await editor.FillAsync("#cs-title", "Kenya's rural schools");
            await editor.FillAsync("#cs-country", "ke");
            await editor.FillAsync("#cs-problem", "No connection in class.");
            await editor.FillAsync("#cs-figures", "schools reached; many");
            await editor.ClickAsync("#save-case-study");
            await editor.WaitForSelectorAsync("#form-error");
            (await editor.TextContentAsync("#form-error"))!.ShouldContain("schools reached; many");
            await BrowserFixture.AssertAccessibleAsync(editor);
            await editor.FillAsync("#cs-figures", "schools reached; 1200");
            var saved = editor.ArrivedAtAsync("**saved=1");
            await editor.ClickAsync("#save-case-study");
            await saved;
            (await editor.TextContentAsync("#case-studies"))!.ShouldContain("Kenya's rural schools (KE)");
            (await editor.Locator("#move-published").CountAsync()).ShouldBe(0, "an editor cannot publish");
            await editor.ClickAsync("#move-inreview");
            (await editor.TextContentAsync("#workflow-status"))!.ShouldContain("In review");
            (await editor.TextContentAsync("#history"))!.ShouldContain("moved from Draft to In review");
            await BrowserFixture.AssertAccessibleAsync(editor);
        });

        var admin = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(admin, async () =>
        {
            await admin.SignInAsync(adminEmail, Password);
            await admin.VisitAsync($"/{tenant.Slug}/catalogue?status=InReview");
            await admin.ClickAsync("text=Kolibri Lite");
            await admin.ArrivedAtAsync("**/catalogue/*");
            await admin.ClickAsync("#move-published");
            (await admin.TextContentAsync("#solution-status"))!.ShouldContain("Published");
            await admin.ClickAsync("text=See it on the public showcase");
            await admin.ArrivedAtAsync("**/showcase/solutions/kolibri-lite");
            (await admin.TextContentAsync("h1")).ShouldBe("Kolibri Lite");
            (await admin.TextContentAsync(".facts"))!.ShouldContain("MIT");
        });

        var visitor = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(visitor, async () =>
        {
            await visitor.VisitAsync($"/{tenant.Slug}/showcase");
            (await visitor.TextContentAsync(".results"))!.ShouldContain("Kolibri Lite");
            await visitor.VisitAsync($"/{tenant.Slug}/showcase/solutions/kolibri-lite");
            (await visitor.TextContentAsync(".case-study"))!.ShouldContain("1,200");
        });

        // Removing a case study asks first, then takes it off the solution.
        await BrowserFixture.JourneyAsync(editor, async () =>
        {
            await editor.VisitAsync($"/{tenant.Slug}/catalogue?status=Published");
            await editor.ClickAsync("text=Kolibri Lite");
            await editor.ArrivedAtAsync("**/catalogue/*");
            await editor.ClickAsync("#case-studies a");
            await editor.ArrivedAtAsync("**/edit");
            await editor.ClickAsync("#remove-case-study");
            await editor.ArrivedAtAsync("**remove=1");
            await BrowserFixture.AssertAccessibleAsync(editor);
            var removed = editor.ArrivedAtAsync("**saved=1");
            await editor.ClickAsync("#confirm-remove");
            await removed;
            (await editor.TextContentAsync("main"))!.ShouldContain("No case studies yet");
        });
    }
}
