using System.Net.Http.Json;
using Microsoft.Playwright;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>A host governs its space from the page while a member watches from another browser: archive, reopen, remove.</summary>
public sealed class SpaceGovernanceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task A_host_archives_a_space_and_a_member_sees_it_read_only_then_the_host_reopens_it()
    {
        var (host, hostEmail, member, memberEmail, space) = await SpaceOfTwoAsync("Archive");
        var (hostPage, memberPage) = (await fixture.NewPageAsync(), await fixture.NewPageAsync());
        await OpenLiveAsync(memberPage, memberEmail, member.Tenant.Slug, space);

        await BrowserFixture.JourneyAsync(hostPage, async () =>
        {
            await OpenLiveAsync(hostPage, hostEmail, host.Tenant.Slug, space);
            await BrowserFixture.AssertAccessibleAsync(hostPage);
            await hostPage.ClickAsync("#space-settings-link");
            await hostPage.ArrivedAtAsync($"*/exchange/{space}/settings");
            await BrowserFixture.AssertAccessibleAsync(hostPage);
            await hostPage.CheckAsync("#confirm-archive");
            await hostPage.ClickAsync("#archive-space");
            await hostPage.Locator("#space-archived").WaitForAsync();
            (await hostPage.Locator("#post-form").CountAsync()).ShouldBe(0);
            await BrowserFixture.AssertAccessibleAsync(hostPage);
        });

        await BrowserFixture.JourneyAsync(memberPage, async () =>
        {
            // Told live on the open page: the box goes and the reason is announced.
            await memberPage.Locator("#live-status").Filter(new() { HasTextString = "archived" }).WaitForAsync();
            await memberPage.Locator("#post-form[hidden]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            // Opened afresh: read-only, with what was said still there.
            await memberPage.VisitAsync($"/{member.Tenant.Slug}/exchange/{space}");
            await memberPage.Locator("#space-archived").WaitForAsync();
            (await memberPage.Locator("#post-form").CountAsync()).ShouldBe(0);
            (await memberPage.TextContentAsync("#posts"))!.ShouldContain("Said before");
            await BrowserFixture.AssertAccessibleAsync(memberPage);
        });

        await BrowserFixture.JourneyAsync(hostPage, async () =>
        {
            await hostPage.ClickAsync("#space-settings-link");
            await hostPage.ClickAsync("#reopen-space");
            await hostPage.Locator("#post-form").WaitForAsync();
            (await hostPage.Locator("#space-archived").CountAsync()).ShouldBe(0);
        });
    }

    [SkippableFact]
    public async Task A_host_removes_a_member_tenant_whose_delegates_open_page_is_told_at_once_and_can_post_nothing()
    {
        var (host, hostEmail, member, memberEmail, space) = await SpaceOfTwoAsync("Removal");
        var (hostPage, memberPage) = (await fixture.NewPageAsync(), await fixture.NewPageAsync());
        await OpenLiveAsync(memberPage, memberEmail, member.Tenant.Slug, space);

        await BrowserFixture.JourneyAsync(hostPage, async () =>
        {
            await OpenLiveAsync(hostPage, hostEmail, host.Tenant.Slug, space);
            // Two steps: the link asks to confirm, naming the tenant and what follows.
            await hostPage.ClickAsync($"#remove-{member.Tenant.Id}");
            (await hostPage.TextContentAsync("#space-members"))!.ShouldContain("Only a new invitation brings it back");
            await BrowserFixture.AssertAccessibleAsync(hostPage);
            await hostPage.ClickAsync($"#confirm-remove-{member.Tenant.Id}");
            await hostPage.Locator("#space-members li", new() { HasTextString = "removed by the host" }).WaitForAsync();
        });

        await BrowserFixture.JourneyAsync(memberPage, async () =>
        {
            await memberPage.Locator("#live-status").Filter(new() { HasTextString = "no longer take part" }).WaitForAsync();
            await memberPage.Locator("#post-form[hidden]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            // Submitting the hidden form anyway is refused by the server, not only hidden by the page.
            await memberPage.EvaluateAsync("() => { const f = document.getElementById('post-form'); f.removeAttribute('hidden'); document.getElementById('post-body').value = 'Still here?'; f.submit(); }");
            await memberPage.WaitForLoadStateAsync();
            (await memberPage.TextContentAsync("main"))!.ShouldNotContain("Still here?");
            await memberPage.VisitAsync($"/{member.Tenant.Slug}/exchange/{space}");
            (await memberPage.TextContentAsync("h1"))!.ShouldBe("Page not found");
        });
        (await host.Client.GetStringAsync($"{host.Spaces}/{space}/channels/{await GeneralAsync(host, space)}/posts")).ShouldNotContain("Still here?");
    }

    [SkippableFact]
    public async Task A_meeting_the_host_cancels_disappears_from_a_members_agenda_and_calendar_feed()
    {
        var (host, hostEmail, member, memberEmail, space) = await SpaceOfTwoAsync("Agenda");
        var starts = DateTimeOffset.UtcNow.AddDays(5);
        var meeting = (await (await member.Client.PostAsJsonAsync($"{member.Spaces}/{space}/meetings",
            new { title = "Registries roundtable", startsAt = starts, endsAt = starts.AddHours(2), timeZone = "Africa/Nairobi" }, Api.Json)).Content
            .ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!.Id();
        var (hostPage, memberPage) = (await fixture.NewPageAsync(), await fixture.NewPageAsync());
        var feedUrl = $"/api/{member.Tenant.Slug}/exchange/spaces/{space}/calendar.ics";

        await BrowserFixture.JourneyAsync(memberPage, async () =>
        {
            await memberPage.SignInAsync(memberEmail, Password);
            (await (await memberPage.APIRequest.GetAsync(feedUrl)).TextAsync()).ShouldContain("STATUS:CONFIRMED");
        });

        await BrowserFixture.JourneyAsync(hostPage, async () =>
        {
            await hostPage.SignInAsync(hostEmail, Password);
            await hostPage.VisitAsync($"/{host.Tenant.Slug}/exchange/{space}/agenda");
            await BrowserFixture.AssertAccessibleAsync(hostPage);
            await hostPage.ClickAsync($"#cancel-{meeting}");
            (await hostPage.TextContentAsync($"#meeting-{meeting}"))!.ShouldContain("calendars of everyone who subscribed drop it");
            await BrowserFixture.AssertAccessibleAsync(hostPage);
            await hostPage.ClickAsync($"#confirm-cancel-{meeting}");
            await hostPage.Locator("#no-meetings").WaitForAsync();
        });

        await BrowserFixture.JourneyAsync(memberPage, async () =>
        {
            await memberPage.VisitAsync($"/{member.Tenant.Slug}/exchange/{space}/agenda");
            (await memberPage.Locator($"#meeting-{meeting}").CountAsync()).ShouldBe(0);
            await BrowserFixture.AssertAccessibleAsync(memberPage);
            var feed = await (await memberPage.APIRequest.GetAsync(feedUrl)).TextAsync();
            var entry = Ical.Net.Calendar.Load(feed)!.Events.Single(e => e.Uid == $"{meeting}@nucleuscloud");
            (entry.Status, entry.Sequence).ShouldBe(("CANCELLED", 1), "subscribed calendars drop the meeting");
        });
    }

    [SkippableFact]
    public async Task A_moderator_pins_and_hides_from_the_page_and_the_author_reads_why()
    {
        var (host, hostEmail, member, memberEmail, space) = await SpaceOfTwoAsync("Moderation");
        var post = (await member.PostedAsync(space, await GeneralAsync(member, space), "Buy our licences, cheap")).Id();
        var (hostPage, memberPage) = (await fixture.NewPageAsync(), await fixture.NewPageAsync());

        await BrowserFixture.JourneyAsync(hostPage, async () =>
        {
            await hostPage.SignInAsync(hostEmail, Password);
            await hostPage.VisitAsync($"/{host.Tenant.Slug}/exchange/{space}");
            await hostPage.ClickAsync($"#moderate-{post}");
            await BrowserFixture.AssertAccessibleAsync(hostPage);
            await hostPage.ClickAsync($"#pin-{post}");
            await hostPage.Locator("#pinned li", new() { HasTextString = "Buy our licences" }).WaitForAsync();
            await hostPage.ClickAsync($"#moderate-{post}");
            await hostPage.FillAsync($"#hide-reason-{post}", "Advertising is not allowed here");
            await hostPage.ClickAsync($"#hide-{post}");
            await hostPage.Locator($"#unhide-{post}").WaitForAsync(new() { State = WaitForSelectorState.Attached });

            // A new channel, from the same page, opened at once.
            await hostPage.ClickAsync("#new-channel");
            await hostPage.FillAsync("#channel-name", "digital-identity");
            await hostPage.FillAsync("#channel-topic", "eID, wallets and signatures");
            await hostPage.ClickAsync("#create-channel");
            await hostPage.Locator("#channel-heading", new() { HasTextString = "#digital-identity" }).WaitForAsync();
            await BrowserFixture.AssertAccessibleAsync(hostPage);
        });

        await BrowserFixture.JourneyAsync(memberPage, async () =>
        {
            await memberPage.SignInAsync(memberEmail, Password);
            await memberPage.VisitAsync($"/{member.Tenant.Slug}/exchange/{space}");
            (await memberPage.TextContentAsync($"#post-{post}"))!.ShouldContain("Advertising is not allowed here");
            await BrowserFixture.AssertAccessibleAsync(memberPage);
        });
    }

    [SkippableFact]
    public async Task A_member_replies_in_a_thread_edits_its_post_and_reacts_from_the_page()
    {
        var (host, hostEmail, member, memberEmail, space) = await SpaceOfTwoAsync("Threads");
        var channel = await GeneralAsync(host, space);
        var opening = (await host.PostedAsync(space, channel, "Who has piloted offline authentication?")).Id();
        var memberPage = await fixture.NewPageAsync();

        await BrowserFixture.JourneyAsync(memberPage, async () =>
        {
            await memberPage.SignInAsync(memberEmail, Password);
            // The host's question is new to the member: counted in the space list, and gone once the channel is opened.
            await memberPage.VisitAsync($"/{member.Tenant.Slug}/exchange");
            (await memberPage.TextContentAsync($"#unread-{space}"))!.ShouldBe("1 new");
            await memberPage.VisitAsync($"/{member.Tenant.Slug}/exchange/{space}?channel={channel}");
            (await memberPage.Locator($"#unread-{channel}").CountAsync()).ShouldBe(0);
            await memberPage.ClickAsync($"#reply-{opening}");
            await memberPage.Locator("#back-to-channel").WaitForAsync();
            (await memberPage.TextContentAsync("#posts"))!.ShouldContain("Who has piloted offline authentication?");
            await memberPage.FillAsync("#post-body", "We did, in two counties");
            await memberPage.ClickAsync("#send-post");
            var reply = memberPage.Locator("#posts li", new() { HasTextString = "We did, in two counties" });
            await reply.WaitForAsync();
            await BrowserFixture.AssertAccessibleAsync(memberPage);

            // Edit the reply in place; the thread shows the new text.
            var replyId = (await reply.GetAttributeAsync("data-post-id"))!;
            await memberPage.VisitAsync($"/{member.Tenant.Slug}/exchange/{space}?channel={channel}&thread={opening}");
            await memberPage.ClickAsync($"#edit-{replyId}");
            await memberPage.FillAsync($"#edit-body-{replyId}", "We did, in three counties");
            await memberPage.ClickAsync($"#save-{replyId}");
            await memberPage.Locator("#posts li", new() { HasTextString = "in three counties" }).WaitForAsync();
            (await memberPage.TextContentAsync($"#post-{replyId}"))!.ShouldContain("(edited)");

            // React to the opening post, then take the reaction back.
            await memberPage.ClickAsync($"#react-{opening}-thanks");
            await memberPage.Locator($"#react-{opening}-thanks[aria-pressed=true]").WaitForAsync();
            (await memberPage.TextContentAsync($"#react-{opening}-thanks"))!.ShouldContain("1");
            await BrowserFixture.AssertAccessibleAsync(memberPage);
            await memberPage.ClickAsync($"#react-{opening}-thanks");
            await memberPage.Locator($"#react-{opening}-thanks[aria-pressed=false]").WaitForAsync();
        });

        // The API agrees: one reply, edited; no reaction left.
        var replies = await host.Client.ItemsAsync($"{host.Spaces}/{space}/channels/{channel}/posts?threadId={opening}");
        replies.Select(r => r!["body"]!.GetValue<string>()).ShouldBe(["We did, in three counties"]);
        var thread = await host.Client.ItemsAsync($"{host.Spaces}/{space}/channels/{channel}/posts");
        thread.Single(p => p!.Id() == opening)!["reactions"]!.AsArray().ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task A_post_in_another_channel_raises_that_channels_unread_count_on_the_open_page()
    {
        var (host, _, member, memberEmail, space) = await SpaceOfTwoAsync("Unread");
        var general = await GeneralAsync(member, space);
        var created = await host.Client.PostAsJsonAsync($"{host.Spaces}/{space}/channels", new { name = "identity" }, Api.Json);
        var identity = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!.Id();
        var memberPage = await fixture.NewPageAsync();

        await BrowserFixture.JourneyAsync(memberPage, async () =>
        {
            await OpenLiveAsync(memberPage, memberEmail, member.Tenant.Slug, space);
            (await memberPage.Locator($"#unread-{identity}").CountAsync()).ShouldBe(0);
            await host.PostedAsync(space, identity, "Over here");
            await host.PostedAsync(space, identity, "And here");
            await memberPage.Locator($"#unread-{identity}", new() { HasTextString = "2 new" }).WaitForAsync();
            (await memberPage.Locator($"#unread-{general}").CountAsync()).ShouldBe(0, "the open channel is being read");
            await BrowserFixture.AssertAccessibleAsync(memberPage);
        });
    }

    [SkippableFact]
    public async Task A_member_shares_a_document_from_the_page_and_attaches_it_to_a_post()
    {
        var (host, _, member, memberEmail, space) = await SpaceOfTwoAsync("Documents");
        var channel = await GeneralAsync(member, space);
        var memberPage = await fixture.NewPageAsync();

        await BrowserFixture.JourneyAsync(memberPage, async () =>
        {
            await memberPage.SignInAsync(memberEmail, Password);
            await memberPage.VisitAsync($"/{member.Tenant.Slug}/exchange/{space}?channel={channel}");
            await memberPage.Locator("#no-documents").WaitForAsync();

            // A file that is not a document is refused with a reason; a PDF is shared and offered for the next post.
            await memberPage.SetInputFilesAsync("#document-file", new FilePayload { Name = "notes.txt", MimeType = "application/pdf", Buffer = "plain text"u8.ToArray() });
            await memberPage.ClickAsync("#share-document-button");
            (await memberPage.TextContentAsync("#document-status"))!.ShouldContain("cannot be shared");
            await memberPage.FillAsync("#document-title", "Registry roadmap");
            await memberPage.SetInputFilesAsync("#document-file", new FilePayload { Name = "roadmap.pdf", MimeType = "application/pdf", Buffer = NucleusCloud.Tests.Shared.SampleFiles.Pdf() });
            await memberPage.ClickAsync("#share-document-button");
            await memberPage.Locator("#documents li", new() { HasTextString = "Registry roadmap" }).WaitForAsync();
            (await memberPage.IsCheckedAsync("#post-form input[name=attachmentIds]")).ShouldBeTrue();
            await BrowserFixture.AssertAccessibleAsync(memberPage);

            await memberPage.FillAsync("#post-body", "Our roadmap, attached");
            await memberPage.ClickAsync("#send-post");
            await memberPage.Locator("#posts li", new() { HasTextString = "Our roadmap, attached" }).WaitForAsync();
            await memberPage.VisitAsync($"/{member.Tenant.Slug}/exchange/{space}?channel={channel}");
            var attachment = memberPage.Locator("#posts li", new() { HasTextString = "Our roadmap, attached" }).Locator(".attachments a");
            (await attachment.TextContentAsync())!.ShouldBe("Registry roadmap");
            (await (await memberPage.APIRequest.GetAsync((await attachment.GetAttributeAsync("href"))!)).BodyAsync()).ShouldBe(NucleusCloud.Tests.Shared.SampleFiles.Pdf());
        });

        // The host's delegate sees the same attachment through the API.
        var posts = await host.Client.ItemsAsync($"{host.Spaces}/{space}/channels/{channel}/posts");
        posts.Single(p => p!["body"]!.GetValue<string>() == "Our roadmap, attached")!["attachments"]!.AsArray().Count.ShouldBe(1);
    }

    private async Task<(ExchangeUser Host, string HostEmail, ExchangeUser Member, string MemberEmail, string Space)> SpaceOfTwoAsync(string name)
    {
        var app = fixture.App;
        var (hostTenant, memberTenant) = (await app.NewTenantAsync("un"), await app.NewTenantAsync("ke"));
        var (hostEmail, memberEmail) = ($"host-{Guid.NewGuid():N}@un.example", $"member-{Guid.NewGuid():N}@ke.example");
        var host = await app.UserAsync(hostTenant, TenantRole.Admin, Password, hostEmail);
        var member = await app.UserAsync(memberTenant, TenantRole.Admin, Password, memberEmail);
        var space = await host.CreateSpaceAsync($"{name} forum {Guid.NewGuid():N}"[..30]);
        await host.InviteAsync(space.Id(), memberTenant);
        await member.JoinAsync(space.Id());
        await member.PostedAsync(space.Id(), space.GeneralChannel(), "Said before the host acts");
        return (host, hostEmail, member, memberEmail, space.Id());
    }

    private static async Task OpenLiveAsync(IPage page, string email, string tenant, string space) =>
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.SignInAsync(email, Password);
            await page.VisitAsync($"/{tenant}/exchange/{space}");
            await page.Locator("#live-status").Filter(new() { HasTextString = "Live" }).WaitForAsync();
        });

    private static async Task<string> GeneralAsync(ExchangeUser user, string space) =>
        (await user.Client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"{user.Spaces}/{space}", Api.Json))!.GeneralChannel();
}
