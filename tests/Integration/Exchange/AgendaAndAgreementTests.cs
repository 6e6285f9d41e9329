using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Exchange.Meetings;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>A space's agenda (meetings, RSVP, iCalendar, "starting" once) and its cooperation agreements.</summary>
public abstract class AgendaAndAgreementTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Meetings_are_scheduled_answered_and_published_as_calendars_to_delegates_only()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var member = await App.UserAsync(await App.NewTenantAsync("ee"));
        var stranger = await App.UserAsync(await App.NewTenantAsync("c"));
        var space = await host.CreateSpaceAsync("Agenda", "Open");
        await member.JoinAsync(space.Id());
        var meetings = $"{host.Spaces}/{space.Id()}/meetings";
        var starts = DateTimeOffset.UtcNow.AddDays(7);

        await (await host.Client.PostAsJsonAsync(meetings, new { title = "DGX", startsAt = starts, endsAt = starts.AddHours(-1), timeZone = "Europe/Tallinn" }, Api.Json)).ShouldBeValidationProblemAsync("endsAt");
        await (await host.Client.PostAsJsonAsync(meetings, new { title = "DGX", startsAt = starts, endsAt = starts.AddHours(3), timeZone = "Mars/Olympus" }, Api.Json)).ShouldBeValidationProblemAsync("timeZone");
        await (await host.Client.PostAsJsonAsync(meetings, new
        {
            title = "DGX", startsAt = starts, endsAt = starts.AddHours(3), timeZone = "Europe/Tallinn",
            sessions = new[] { new { title = "Too late", startsAt = starts.AddHours(4), endsAt = starts.AddHours(5) } },
        }, Api.Json)).ShouldBeValidationProblemAsync("sessions[0].startsAt");

        var created = await host.Client.PostAsJsonAsync(meetings, new
        {
            title = "Digital identity, in practice",
            description = "Three countries, one question; bring yours.",
            location = "Online",
            startsAt = starts,
            endsAt = starts.AddHours(3),
            timeZone = "Asia/Singapore",
            sessions = new[] { new { title = "Estonia's eID", startsAt = starts, endsAt = starts.AddHours(1), speakers = new[] { "Mari Tamm, RIA" } } },
        }, Api.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var meeting = (await created.Content.ReadFromJsonAsync<JsonObject>())!;

        var answer = await member.Client.PutAsJsonAsync($"{member.Spaces}/{space.Id()}/meetings/{meeting.Id()}/rsvp", new { answer = "Yes" }, Api.Json);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answer.Content.ReadFromJsonAsync<JsonObject>())!["myAnswer"]!.GetValue<string>().ShouldBe("Yes");
        await (await member.Client.PutAsJsonAsync($"{member.Spaces}/{space.Id()}/meetings/{meeting.Id()}/rsvp", new { answer = "Perhaps" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var agenda = await host.Client.ItemsAsync(meetings);
        agenda.Single()!["rsvps"]!["yes"]!.GetValue<int>().ShouldBe(1);
        agenda.Single()!["sessions"]!.AsArray().Single()!["speakers"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Mari Tamm, RIA");

        var calendar = await member.Client.GetAsync($"{member.Spaces}/{space.Id()}/calendar.ics");
        calendar.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var feed = await calendar.Content.ReadAsStringAsync();
        feed.ShouldContain("SUMMARY:Digital identity\\, in practice\r\n");
        feed.ShouldContain($"DTSTART:{starts.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
        (await member.Client.GetStringAsync($"{member.Spaces}/{space.Id()}/meetings/{meeting.Id()}/calendar.ics")).ShouldContain($"UID:{meeting.Id()}@nucleuscloud");
        await (await stranger.Client.GetAsync($"{stranger.Spaces}/{space.Id()}/calendar.ics")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.GetAsync($"{stranger.Spaces}/{space.Id()}/meetings/{meeting.Id()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_starting_meeting_is_announced_once_to_its_space()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var space = await host.CreateSpaceAsync("Starting soon", "Open");
        var starts = DateTimeOffset.UtcNow.AddSeconds(30);
        (await host.Client.PostAsJsonAsync($"{host.Spaces}/{space.Id()}/meetings", new { title = "Stand-up", startsAt = starts, endsAt = starts.AddMinutes(30), timeZone = "UTC" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var announcer = App.Services.GetRequiredService<MeetingStartAnnouncer>();
        // Two passes (as two hosts would make): the meeting is claimed and announced by one only.
        var announced = await Task.WhenAll(announcer.AnnounceDueAsync(CancellationToken.None), announcer.AnnounceDueAsync(CancellationToken.None));
        var again = await announcer.AnnounceDueAsync(CancellationToken.None);

        var events = JsonNode.Parse(await host.Client.GetStringAsync($"{host.Spaces}/{space.Id()}/events?after=0"))!["events"]!.AsArray();
        events.Count(e => e!["type"]!.GetValue<string>() == "meeting.starting").ShouldBe(1);
        again.ShouldBe(0);
        announced.Sum().ShouldBeGreaterThanOrEqualTo(1);
    }

    [SkippableFact]
    public async Task An_agreement_is_proposed_by_one_member_and_signed_only_by_the_other()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var singapore = await App.UserAsync(await App.NewTenantAsync("sg"));
        var japan = await App.UserAsync(await App.NewTenantAsync("jp"));
        var bystander = await App.UserAsync(await App.NewTenantAsync("dk"));
        var space = await host.CreateSpaceAsync("Cooperation", "Open");
        foreach (var member in new[] { singapore, japan, bystander })
        {
            await member.JoinAsync(space.Id());
        }

        var agreements = $"{singapore.Spaces}/{space.Id()}/agreements";
        await (await singapore.Client.PostAsJsonAsync(agreements, new { kind = "MoC", title = "Digital cooperation", partnerTenantId = singapore.Tenant.Id, areas = new[] { "identity" } }, Api.Json)).ShouldBeValidationProblemAsync("partnerTenantId");
        await (await singapore.Client.PostAsJsonAsync(agreements, new { kind = "MoC", title = "Digital cooperation", partnerTenantId = japan.Tenant.Id, areas = Array.Empty<string>() }, Api.Json)).ShouldBeValidationProblemAsync("areas");
        var proposed = await singapore.Client.PostAsJsonAsync(agreements, new { kind = "MoC", title = "Singapore–Japan digital cooperation", partnerTenantId = japan.Tenant.Id, areas = new[] { "digital identity", "data exchange" }, startsOn = "2026-12-01", endsOn = "2029-11-30" }, Api.Json);
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var id = (await proposed.Content.ReadFromJsonAsync<JsonObject>())!.Id();

        await (await singapore.Client.PostAsync($"{agreements}/{id}/sign", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await bystander.Client.PostAsync($"{bystander.Spaces}/{space.Id()}/agreements/{id}/sign", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await bystander.Client.PostAsync($"{bystander.Spaces}/{space.Id()}/agreements/{id}/end", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var signed = await japan.Client.PostAsync($"{japan.Spaces}/{space.Id()}/agreements/{id}/sign", null);
        signed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = (await bystander.Client.ItemsAsync($"{bystander.Spaces}/{space.Id()}/agreements")).Single()!;
        listed["status"]!.GetValue<string>().ShouldBe("InForce");
        listed["areas"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["digital identity", "data exchange"]);
        await (await japan.Client.PostAsync($"{japan.Spaces}/{space.Id()}/agreements/{id}/sign", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await singapore.Client.PostAsync($"{agreements}/{id}/end", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A proposal is withdrawn by its proposer only, and only before it is signed.
        var second = (await (await singapore.Client.PostAsJsonAsync(agreements, new { kind = "MoU", title = "Data exchange pilot", partnerTenantId = japan.Tenant.Id, areas = new[] { "data exchange" } }, Api.Json))
            .Content.ReadFromJsonAsync<JsonObject>())!.Id();
        await (await japan.Client.PostAsync($"{japan.Spaces}/{space.Id()}/agreements/{second}/withdraw", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await bystander.Client.PostAsync($"{bystander.Spaces}/{space.Id()}/agreements/{second}/withdraw", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await singapore.Client.PostAsync($"{agreements}/{id}/withdraw", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await singapore.Client.PostAsync($"{agreements}/{second}/withdraw", null).OkAsync())["status"]!.GetValue<string>().ShouldBe("Withdrawn");
        await (await japan.Client.PostAsync($"{japan.Spaces}/{space.Id()}/agreements/{second}/sign", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class AgendaAndAgreementsOnSqlite(SqliteFixture fixture) : AgendaAndAgreementTests<SqliteFixture>(fixture);

public sealed class AgendaAndAgreementsOnPostgres(PostgresFixture fixture) : AgendaAndAgreementTests<PostgresFixture>(fixture);
public sealed class AgendaAndAgreementsOnSqlServer(SqlServerFixture fixture) : AgendaAndAgreementTests<SqlServerFixture>(fixture);
