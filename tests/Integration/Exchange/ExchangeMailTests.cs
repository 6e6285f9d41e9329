using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>
/// Delegates who opted in hear of mentions, answers and meeting changes by e-mail — at once or in a daily digest, in their
/// language, with a one-click unsubscribe — read from the SMTP sink; nobody else does.
/// </summary>
public abstract class ExchangeMailTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : DatabaseFixture
{
    private NucleusApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await fixture.OwnAppAsync();
        _app.Settings["Exchange:Mail:PollSeconds"] = "1";
        _app.Settings["Exchange:Mail:DigestEvery"] = "00:00:08";
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [SkippableFact]
    public async Task A_daily_digest_gathers_what_happened_in_the_recipients_language_leaving_out_what_was_deleted_meanwhile()
    {
        var (host, member, emails) = await SpaceAsync();
        var (space, channel) = (emails.Space, emails.Channel);
        await SetAsync(member, "Daily", "fr");
        var starts = DateTimeOffset.UtcNow.AddDays(3);
        var meeting = (await (await host.Client.PostAsJsonAsync($"{host.Spaces}/{space}/meetings",
            new { title = "Atelier identité", startsAt = starts, endsAt = starts.AddHours(1), timeZone = "Europe/Paris" }, Api.Json)).Content.ReadFromJsonAsync<JsonObject>()).Id();
        (await member.Client.PutAsJsonAsync($"{member.Spaces}/{space}/meetings/{meeting}/rsvp", new { answer = "Yes" }, Api.Json)).EnsureSuccessStatusCode();

        await host.PostedAsync(space, channel, "@Test user, your registry story please");
        var regretted = await host.PostedAsync(space, channel, "@Test user, ignore this one");
        (await host.Client.DeleteAsync($"{host.Spaces}/{space}/posts/{regretted.Id()}")).EnsureSuccessStatusCode();
        (await host.Client.PostAsync($"{host.Spaces}/{space}/meetings/{meeting}/cancel", null)).EnsureSuccessStatusCode();

        var digest = await _app.Mail.WaitForAsync(emails.Member, TimeSpan.FromSeconds(30));
        digest.Subject.ShouldBe("Votre résumé quotidien des échanges : 2 nouvelles");
        digest.Body.ShouldContain("vous a mentionné dans Forum des registres");
        digest.Body.ShouldContain("your registry story please");
        digest.Body.ShouldNotContain("ignore this one", customMessage: "a post deleted before the digest is not mailed");
        digest.Body.ShouldContain("La réunion « Atelier identité » dans Forum des registres a été annulée.");
        digest.Body.ShouldContain("/mail/unsubscribe?token=");

        // One digest, not one per item, and nothing to the host, who chose nothing.
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await _app.MailSettledAsync()).Count(m => m.To.Contains(emails.Member, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        (await _app.MailSettledAsync()).ShouldNotContain(m => m.To.Contains(emails.Host, StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task Mail_at_once_stops_with_one_click_of_its_link_and_never_reaches_a_third_tenant()
    {
        var (host, member, emails) = await SpaceAsync();
        var strangerEmail = $"stranger-{Guid.NewGuid():N}@example.org";
        var stranger = await _app.UserAsync(await _app.NewTenantAsync("c"), email: strangerEmail);
        await SetAsync(member, "Immediate", "en");
        await SetAsync(stranger, "Immediate", "es");
        await (await member.Client.PutAsJsonAsync($"/api/{member.Tenant.Slug}/exchange/mail-preference", new { mode = "Sometimes" }, Api.Json)).ShouldBeValidationProblemAsync("mode");
        await (await member.Client.PutAsJsonAsync($"/api/{member.Tenant.Slug}/exchange/mail-preference", new { mode = "Daily", language = "de" }, Api.Json)).ShouldBeValidationProblemAsync("language");

        await host.PostedAsync(emails.Space, emails.Channel, "@Test user, welcome to the forum");
        var told = await _app.Mail.WaitForAsync(emails.Member, TimeSpan.FromSeconds(30));
        told.Subject.ShouldBe("News from Forum des registres");
        told.Body.ShouldContain("welcome to the forum");

        // The link works for anyone holding it, without signing in; a forged one is refused.
        var unsubscribe = told.Body.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/mail/unsubscribe?token=", StringComparison.Ordinal));
        var link = new Uri(unsubscribe[unsubscribe.IndexOf("http", StringComparison.Ordinal)..]);
        (await _app.Anonymous().GetStringAsync(link.PathAndQuery)).ShouldContain("unsubscribed");
        (await _app.Anonymous().GetStringAsync("/mail/unsubscribe?token=forged")).ShouldContain("unsubscribe-error");
        (await member.Client.GetFromJsonAsync<JsonObject>($"/api/{member.Tenant.Slug}/exchange/mail-preference", Api.Json))!["mode"]!.GetValue<string>().ShouldBe("Off");

        await host.PostedAsync(emails.Space, emails.Channel, "@Test user, are you still there?");
        await Task.Delay(TimeSpan.FromSeconds(4));
        (await _app.MailSettledAsync()).Count(m => m.To.Contains(emails.Member, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        (await _app.MailSettledAsync()).ShouldNotContain(m => m.Body.Contains("still there", StringComparison.Ordinal));
        (await _app.MailSettledAsync()).ShouldNotContain(m => m.To.Contains(strangerEmail, StringComparison.OrdinalIgnoreCase), "a tenant outside the space hears nothing of it");
    }

    [SkippableFact]
    public async Task A_question_reaches_by_mail_the_delegates_of_members_that_suggest_their_solutions_and_nobody_else()
    {
        var (host, member, emails) = await SpaceAsync();
        var strangerEmail = $"stranger-{Guid.NewGuid():N}@example.org";
        var stranger = await _app.UserAsync(await _app.NewTenantAsync("c"), email: strangerEmail);
        await SetAsync(member, "Immediate", "es");
        await SetAsync(host, "Immediate", "en");
        await SetAsync(stranger, "Immediate", "en");
        (await member.Client.PutAsJsonAsync($"{member.Spaces}/{emails.Space}/settings", new { suggestSolutions = true }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var asked = await host.Client.PostAsJsonAsync($"{host.Spaces}/{emails.Space}/requests", new { title = "Interoperable land registries", question = "Who connected theirs?" }, Api.Json);
        asked.StatusCode.ShouldBe(HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        var told = await _app.Mail.WaitForAsync(emails.Member, TimeSpan.FromSeconds(30));
        told.Body.ShouldContain("«Interoperable land registries». Una de sus soluciones publicadas podría responderla.");
        told.Body.ShouldContain($"/requests/{(await asked.Content.ReadFromJsonAsync<JsonObject>()).Id()}");

        await Task.Delay(TimeSpan.FromSeconds(3));
        (await _app.MailSettledAsync()).ShouldNotContain(m => m.To.Contains(emails.Host, StringComparison.OrdinalIgnoreCase), "the asker is not told of its own question");
        (await _app.MailSettledAsync()).ShouldNotContain(m => m.To.Contains(strangerEmail, StringComparison.OrdinalIgnoreCase), "a tenant outside the space hears nothing of it");
    }

    private async Task<(ExchangeUser Host, ExchangeUser Member, (string Host, string Member, string Space, string Channel) Emails)> SpaceAsync()
    {
        var (hostEmail, memberEmail) = ($"host-{Guid.NewGuid():N}@un.example", $"member-{Guid.NewGuid():N}@ke.example");
        var host = await _app.UserAsync(await _app.NewTenantAsync("un"), email: hostEmail);
        var member = await _app.UserAsync(await _app.NewTenantAsync("ke"), email: memberEmail);
        var space = await host.CreateSpaceAsync("Forum des registres");
        await host.InviteAsync(space.Id(), member.Tenant);
        await member.JoinAsync(space.Id());
        return (host, member, (hostEmail, memberEmail, space.Id(), space.GeneralChannel()));
    }

    private static async Task SetAsync(ExchangeUser user, string mode, string language) =>
        (await user.Client.PutAsJsonAsync($"/api/{user.Tenant.Slug}/exchange/mail-preference", new { mode, language }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
}

public sealed class ExchangeMailOnSqlite(SqliteFixture fixture) : ExchangeMailTests<SqliteFixture>(fixture);

public sealed class ExchangeMailOnPostgres(PostgresFixture fixture) : ExchangeMailTests<PostgresFixture>(fixture);
public sealed class ExchangeMailOnSqlServer(SqlServerFixture fixture) : ExchangeMailTests<SqlServerFixture>(fixture);
