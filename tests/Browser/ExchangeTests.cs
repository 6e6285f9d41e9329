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
}
