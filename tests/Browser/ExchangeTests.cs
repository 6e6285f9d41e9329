using System.Net.Http.Json;
using Microsoft.Playwright;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>Two users of two tenants, in two browsers, chat live in one space: the official SignalR client in Chromium.</summary>
public sealed class ExchangeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task Two_users_of_two_tenants_chat_live_in_a_space_with_the_keyboard()
    {
        var app = fixture.App;
        var (hostTenant, memberTenant) = (await app.NewTenantAsync("un"), await app.NewTenantAsync("ee"));
        var hostEmail = $"host-{Guid.NewGuid():N}@un.example";
        var memberEmail = $"member-{Guid.NewGuid():N}@ee.example";
        var host = await app.UserAsync(hostTenant, TenantRole.Admin, Password, hostEmail);
        var member = await app.UserAsync(memberTenant, TenantRole.Admin, Password, memberEmail);
        var space = await host.CreateSpaceAsync($"Digital Government Exchange {Guid.NewGuid():N}"[..40], "Open");

        var first = await fixture.NewPageAsync();
        var second = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(second, async () =>
        {
            // The member tenant's administrator finds the open space in its list and joins it.
            await second.SignInAsync(memberEmail, Password);
            await second.VisitAsync($"/{memberTenant.Slug}/exchange");
            await BrowserFixture.AssertAccessibleAsync(second);
            await second.ClickAsync($"#join-{space.Id()}");
            await second.ArrivedAtAsync($"**/{memberTenant.Slug}/exchange/{space.Id()}");
            await second.Locator("#live-status").Filter(new() { HasTextString = "Live" }).WaitForAsync();
        });

        await BrowserFixture.JourneyAsync(first, async () =>
        {
            await first.SignInAsync(hostEmail, Password);
            await first.VisitAsync($"/{hostTenant.Slug}/exchange/{space.Id()}");
            await first.Locator("#live-status").Filter(new() { HasTextString = "Live" }).WaitForAsync();
            await BrowserFixture.AssertAccessibleAsync(first);

            // Keyboard only: focus the box, type, Ctrl+Enter sends; the writer stays in the box.
            await first.FocusAsync("#post-body");
            await first.Keyboard.TypeAsync("Welcome, **Estonia**!");
            await first.Keyboard.PressAsync("Control+Enter");
            await first.Locator("#posts li", new() { HasTextString = "Welcome, Estonia!" }).WaitForAsync();
            (await first.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("post-body");
            (await first.InputValueAsync("#post-body")).ShouldBeEmpty();
        });

        await BrowserFixture.JourneyAsync(second, async () =>
        {
            // Arrived live, without a reload, and announced politely to screen readers.
            var post = second.Locator("#posts li", new() { HasTextString = "Welcome, Estonia!" });
            await post.WaitForAsync();
            (await post.Locator("strong", new() { HasTextString = "Estonia" }).CountAsync()).ShouldBe(1);
            await second.Locator("#live-announcer").Filter(new() { HasTextString = hostTenant.Name }).WaitForAsync();
            (await second.GetAttributeAsync("#live-announcer", "aria-live")).ShouldBe("polite");
            await second.FillAsync("#post-body", "Thank you, glad to be here.");
            await second.ClickAsync("#send-post");
        });

        await first.Locator("#posts li", new() { HasTextString = "Thank you, glad to be here." }).WaitForAsync();
        (await first.TextContentAsync("#online"))!.ShouldContain(memberTenant.Name);
        await BrowserFixture.AssertAccessibleAsync(first);
    }

    [SkippableFact]
    public async Task Without_script_a_post_is_sent_by_the_form_and_a_stranger_is_not_shown_the_thread()
    {
        var app = fixture.App;
        var hostTenant = await app.NewTenantAsync("un");
        var email = $"host-{Guid.NewGuid():N}@un.example";
        var host = await app.UserAsync(hostTenant, TenantRole.Admin, Password, email);
        var space = await host.CreateSpaceAsync("Closed exchange");
        var strangerEmail = $"stranger-{Guid.NewGuid():N}@example.org";
        var strangerTenant = await app.NewTenantAsync("c");
        await app.UserAsync(strangerTenant, TenantRole.Admin, Password, strangerEmail);

        var context = await fixture.NewPageAsync();
        await context.Context.RouteAsync("**/signalr.min.js", route => route.AbortAsync());
        await BrowserFixture.JourneyAsync(context, async () =>
        {
            await context.SignInAsync(email, Password);
            await context.VisitAsync($"/{hostTenant.Slug}/exchange/{space.Id()}");
            await context.FillAsync("#post-body", "Sent by the form");
            await context.ClickAsync("#send-post");
            await context.Locator("#posts li", new() { HasTextString = "Sent by the form" }).WaitForAsync();
            await context.ClickAsync("#posts li a[id^='delete-']");
            await context.Locator("[id^='confirm-delete-']").ClickAsync();
            await context.Locator("#posts li", new() { HasTextString = "This post was deleted." }).WaitForAsync();
        });

        var stranger = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(stranger, async () =>
        {
            await stranger.SignInAsync(strangerEmail, Password);
            // Through its own tenant's route, the closed space does not exist for it.
            await stranger.VisitAsync($"/{strangerTenant.Slug}/exchange/{space.Id()}");
            (await stranger.TextContentAsync("h1"))!.ShouldBe("Page not found");
            (await stranger.TextContentAsync("main"))!.ShouldNotContain("Closed exchange");
            await stranger.VisitAsync($"/{strangerTenant.Slug}/exchange");
            (await stranger.TextContentAsync("main"))!.ShouldNotContain("Closed exchange");
        });
    }

    [SkippableFact]
    public async Task A_member_schedules_answers_asks_shares_and_proposes_through_the_pages()
    {
        var app = fixture.App;
        var (hostTenant, memberTenant) = (await app.NewTenantAsync("un"), await app.NewTenantAsync("sg"));
        var hostEmail = $"host-{Guid.NewGuid():N}@un.example";
        var memberEmail = $"member-{Guid.NewGuid():N}@sg.example";
        var host = await app.UserAsync(hostTenant, TenantRole.Admin, Password, hostEmail);
        var member = await app.UserAsync(memberTenant, TenantRole.Admin, Password, memberEmail);
        var space = await host.CreateSpaceAsync("Pages of a space", "Open");
        await member.JoinAsync(space.Id());
        await member.Client.CreateSolutionAsync(memberTenant, "Moments of Life");
        var pdf = new ByteArrayContent(NucleusCloud.Tests.Shared.SampleFiles.Pdf());
        (await member.Client.PostAsync($"{member.Spaces}/{space.Id()}/documents?title=Rollout%20plan&fileName=plan.pdf", pdf)).EnsureSuccessStatusCode();

        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.SignInAsync(memberEmail, Password);

            // The space lists the shared document, for download by its delegates.
            await page.VisitAsync($"/{memberTenant.Slug}/exchange/{space.Id()}");
            (await page.GetAttributeAsync("#documents a", "href"))!.ShouldEndWith("/file");
            (await page.TextContentAsync("#documents"))!.ShouldContain("Rollout plan");

            // The agenda: a refused time zone is named, then a meeting is scheduled and answered.
            await page.VisitAsync($"/{memberTenant.Slug}/exchange/{space.Id()}/agenda");
            await page.FillAsync("#meeting-title", "Digital identity clinic");
            await page.FillAsync("#meeting-starts", "2030-03-04T10:00");
            await page.FillAsync("#meeting-ends", "2030-03-04T12:00");
            await page.FillAsync("#meeting-zone", "Mars/Olympus");
            await page.ClickAsync("#schedule");
            (await page.TextContentAsync("#agenda-error"))!.ShouldContain("IANA");
            await page.FillAsync("#meeting-zone", "Asia/Singapore");
            await page.ClickAsync("#schedule");
            var meeting = page.Locator("#meetings li", new() { HasTextString = "Digital identity clinic" });
            await meeting.WaitForAsync();
            (await meeting.TextContentAsync())!.ShouldContain("Asia/Singapore");
            await meeting.Locator("input[value='Yes']").CheckAsync();
            await meeting.Locator("button[id^='answer-']").ClickAsync();
            await page.Locator("#meetings li", new() { HasTextString = "Attending: 1" }).WaitForAsync();
            await BrowserFixture.AssertAccessibleAsync(page);

            // Knowledge requests: ask, then answer with a snapshot of a published solution.
            await page.VisitAsync($"/{memberTenant.Slug}/exchange/{space.Id()}/requests");
            await page.FillAsync("#request-title", "Life-event services");
            await page.FillAsync("#request-question", "Who bundles services around **life events**?");
            await page.ClickAsync("#ask");
            await page.Locator("h1", new() { HasTextString = "Life-event services" }).WaitForAsync();
            await page.SelectOptionAsync("#share-solution", new SelectOptionValue { Label = "Moments of Life" });
            await page.ClickAsync("#share");
            await page.Locator("#snapshots li", new() { HasTextString = "Moments of Life" }).WaitForAsync();
            await BrowserFixture.AssertAccessibleAsync(page);

            // Agreements: propose a memorandum to the host.
            await page.VisitAsync($"/{memberTenant.Slug}/exchange/{space.Id()}/agreements");
            await page.FillAsync("#agreement-title", "Singapore–UN cooperation");
            await page.FillAsync("#agreement-areas", "digital identity, data exchange");
            await page.ClickAsync("#propose");
            await page.Locator("#agreements tr", new() { HasTextString = "Singapore–UN cooperation" }).WaitForAsync();
            (await page.TextContentAsync("#agreements"))!.ShouldContain("proposed");
            await BrowserFixture.AssertAccessibleAsync(page);
        });
    }
}
