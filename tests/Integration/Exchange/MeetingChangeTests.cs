using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ical.Net;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>Meetings moved, edited and cancelled by their organiser or the host — nobody else — with the calendar feeds following.</summary>
public abstract class MeetingChangeTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task The_organiser_moves_a_meeting_the_host_cancels_one_and_every_feed_follows()
    {
        var (host, organiser, other, stranger) = (await App.UserAsync(await App.NewTenantAsync("un")), await App.UserAsync(await App.NewTenantAsync("sg")),
            await App.UserAsync(await App.NewTenantAsync("ee")), await App.UserAsync(await App.NewTenantAsync("c")));
        var space = await host.CreateSpaceAsync("Agenda of the forum", "Open");
        await organiser.JoinAsync(space.Id());
        await other.JoinAsync(space.Id());
        var starts = DateTimeOffset.UtcNow.AddDays(10);
        var clinic = await ScheduleAsync(organiser, space.Id(), "Digital identity clinic", starts);
        var plenary = await ScheduleAsync(organiser, space.Id(), "Plenary", starts.AddDays(1));
        (await other.Client.PutAsJsonAsync($"{other.Spaces}/{space.Id()}/meetings/{plenary}/rsvp", new { answer = "Yes" }, Api.Json)).EnsureSuccessStatusCode();

        // Moved by its organiser, at the version it read; a stale version, a bad time and other tenants are refused.
        var clinicUrl = $"{organiser.Spaces}/{space.Id()}/meetings/{clinic}";
        var moved = Draft("Digital identity clinic (moved)", starts.AddHours(2)) with { Version = 1 };
        await (await other.Client.PutAsJsonAsync($"{other.Spaces}/{space.Id()}/meetings/{clinic}", moved, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.PutAsJsonAsync($"{stranger.Spaces}/{space.Id()}/meetings/{clinic}", moved, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await organiser.Client.PutAsJsonAsync(clinicUrl, moved with { EndsAt = moved.StartsAt!.Value.AddHours(-1) }, Api.Json)).ShouldBeValidationProblemAsync("endsAt");
        var changed = await organiser.Client.PutAsJsonAsync(clinicUrl, moved, Api.Json).OkAsync();
        (changed["version"]!.GetValue<int>(), changed["title"]!.GetValue<string>()).ShouldBe((2, "Digital identity clinic (moved)"));
        await (await organiser.Client.PutAsJsonAsync(clinicUrl, moved, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // Cancelled by the host, not by another member; answering it afterwards is a conflict.
        await (await other.Client.PostAsync($"{other.Spaces}/{space.Id()}/meetings/{plenary}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var cancelled = await host.Client.PostAsync($"{host.Spaces}/{space.Id()}/meetings/{plenary}/cancel", null).OkAsync();
        cancelled["cancelledAt"].ShouldNotBeNull();
        await (await host.Client.PostAsync($"{host.Spaces}/{space.Id()}/meetings/{plenary}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await other.Client.PutAsJsonAsync($"{other.Spaces}/{space.Id()}/meetings/{plenary}/rsvp", new { answer = "No" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // The agenda leaves it out; every member's feed keeps the uid and says what happened.
        (await other.Client.ItemsAsync($"{other.Spaces}/{space.Id()}/meetings")).Select(m => m.Id()).ShouldBe([clinic]);
        var feed = Calendar.Load(await other.Client.GetStringAsync($"{other.Spaces}/{space.Id()}/calendar.ics"))!.Events.ToDictionary(e => e.Uid!);
        (feed[$"{clinic}@nucleuscloud"].Sequence, feed[$"{clinic}@nucleuscloud"].Status).ShouldBe((1, "CONFIRMED"));
        feed[$"{clinic}@nucleuscloud"].DtStart!.AsUtc.ShouldBe(starts.AddHours(2).UtcDateTime, TimeSpan.FromSeconds(1));
        (feed[$"{plenary}@nucleuscloud"].Sequence, feed[$"{plenary}@nucleuscloud"].Status).ShouldBe((1, "CANCELLED"));
        await (await stranger.Client.GetAsync($"{stranger.Spaces}/{space.Id()}/calendar.ics")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // The space's live log told its delegates of both.
        var events = (await host.Client.GetFromJsonAsync<JsonObject>($"{host.Spaces}/{space.Id()}/events?after=0&limit=1000", Api.Json))!["events"]!.AsArray();
        events.Select(e => e!["type"]!.GetValue<string>()).ShouldContain("meeting.changed");
        events.Select(e => e!["type"]!.GetValue<string>()).ShouldContain("meeting.cancelled");
    }

    [SkippableFact]
    public async Task A_member_may_not_cancel_another_tenants_meeting_and_an_editor_may_not_change_its_own_tenants()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var organiser = await App.UserAsync(await App.NewTenantAsync("sg"));
        var space = await host.CreateSpaceAsync("Closed agenda");
        await host.InviteAsync(space.Id(), organiser.Tenant);
        await organiser.JoinAsync(space.Id());
        var meeting = await ScheduleAsync(host, space.Id(), "Host's own session", DateTimeOffset.UtcNow.AddDays(3));

        await (await organiser.Client.PostAsync($"{organiser.Spaces}/{space.Id()}/meetings/{meeting}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var editor = await App.UserAsync(host.Tenant, TenantRole.Editor);
        await (await editor.Client.PostAsync($"{editor.Spaces}/{space.Id()}/meetings/{meeting}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await host.Client.PostAsync($"{host.Spaces}/{space.Id()}/meetings/{Guid.NewGuid()}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await host.Client.ItemsAsync($"{host.Spaces}/{space.Id()}/meetings")).Single()!["mayChange"]!.GetValue<bool>().ShouldBeTrue();
        (await organiser.Client.ItemsAsync($"{organiser.Spaces}/{space.Id()}/meetings")).Single()!["mayChange"]!.GetValue<bool>().ShouldBeFalse();
    }

    private static MeetingChangeRequest Draft(string title, DateTimeOffset starts) => new(title, "Bring your questions.", "Online", starts, starts.AddHours(2), "Asia/Singapore", null);

    private static async Task<string> ScheduleAsync(ExchangeUser user, string spaceId, string title, DateTimeOffset starts)
    {
        var created = await user.Client.PostAsJsonAsync($"{user.Spaces}/{spaceId}/meetings", Draft(title, starts), Api.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonObject>()).Id();
    }

    private sealed record MeetingChangeRequest(string Title, string Description, string Location, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string TimeZone, int? Version);
}

public sealed class MeetingChangesOnSqlite(SqliteFixture fixture) : MeetingChangeTests<SqliteFixture>(fixture);

public sealed class MeetingChangesOnPostgres(PostgresFixture fixture) : MeetingChangeTests<PostgresFixture>(fixture);
public sealed class MeetingChangesOnSqlServer(SqlServerFixture fixture) : MeetingChangeTests<SqlServerFixture>(fixture);
