using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Email;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>
/// An operator turns every log category up to Trace; the account journeys that handle secrets run;
/// none of those secrets is in what was logged (messages, scopes, exceptions).
/// </summary>
public sealed class SecretsInLogsTests(SqliteFixture database) : IClassFixture<SqliteFixture>
{
    private const string FirstPassword = "the first long passphrase";
    private const string SecondPassword = "the second long passphrase";

    private static void EverythingAtTrace(NucleusApp app)
    {
        app.Settings["Logging:LogLevel:Default"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace";
    }

    [Fact]
    public async Task Sign_up_invitation_reset_email_change_keys_and_tokens_leave_no_secret_in_the_logs()
    {
        await using var app = new NucleusApp(DatabaseProvider.Sqlite, await database.CreateEmptyDatabaseAsync());
        EverythingAtTrace(app);
        var tenant = await app.NewTenantAsync();
        var secrets = new List<string> { FirstPassword, SecondPassword };

        // Invitation, and signing up by accepting it.
        var email = $"newcomer-{Guid.NewGuid():N}@example.org";
        (await app.MemberOf(TenantRole.Owner, tenant).PostAsJsonAsync($"/api/{tenant.Slug}/identity/invitations", new { email, role = "Admin" }, Api.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var invitationToken = TokenIn(await app.Mail.WaitForAsync(email));
        secrets.Add(invitationToken);
        (await app.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = tenant.Slug, token = invitationToken, displayName = "Newcomer", password = FirstPassword }, Api.Json))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        // Bearer and refresh tokens, a refresh, and a request made with the bearer token.
        var tokens = await SignInAsync(app, email, FirstPassword);
        var refreshed = JsonNode.Parse(await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Refresh })).Content.ReadAsStringAsync())!;
        secrets.AddRange([tokens.Access, tokens.Refresh, refreshed["accessToken"]!.GetValue<string>(), refreshed["refreshToken"]!.GetValue<string>()]);
        var me = Bearer(app, refreshed["accessToken"]!.GetValue<string>());

        // A TOTP secret and recovery codes.
        var enrolment = JsonNode.Parse(await (await me.PostAsync("/api/auth/2fa/authenticator", null)).Content.ReadAsStringAsync())!;
        var sharedKey = enrolment["sharedKey"]!.GetValue<string>();
        secrets.Add(sharedKey);
        var enabled = await me.PostAsJsonAsync("/api/auth/2fa/enable", new { code = Totp.Code(sharedKey) });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK, await enabled.Content.ReadAsStringAsync());
        secrets.AddRange(JsonNode.Parse(await enabled.Content.ReadAsStringAsync())!["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()));

        // An API key, shown once, then used.
        var created = JsonNode.Parse(await (await me.PostAsJsonAsync($"/api/{tenant.Slug}/identity/api-keys", new { name = "Integration", role = "Viewer" }, Api.Json)).Content.ReadAsStringAsync())!;
        var apiKey = created["key"]!.GetValue<string>();
        secrets.Add(apiKey);
        var integration = app.Anonymous();
        integration.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        (await integration.GetAsync($"/api/{tenant.Slug}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Password reset by e-mail.
        (await app.Anonymous().PostAsJsonAsync("/api/auth/password/forgot", new { email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var resetToken = TokenIn(await app.Mail.WaitForAsync(email, subject: "Reset"));
        secrets.Add(resetToken);
        (await app.Anonymous().PostAsJsonAsync("/api/auth/password/reset", new { email, token = resetToken, newPassword = SecondPassword })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // E-mail change, confirmed from the new mailbox.
        var signedIn = JsonNode.Parse(await (await app.Anonymous().PostAsJsonAsync("/api/auth/login",
            new { email, password = SecondPassword, twoFactorCode = await Totp.NextCodeAsync(sharedKey, Totp.Code(sharedKey)) })).Content.ReadAsStringAsync())!;
        var accessAfterReset = signedIn["accessToken"]!.GetValue<string>();
        secrets.Add(accessAfterReset);
        var newEmail = $"moved-{Guid.NewGuid():N}@example.org";
        (await Bearer(app, accessAfterReset).PostAsJsonAsync("/api/auth/me/email", new { email = newEmail, password = SecondPassword })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var confirmation = HttpUtility.ParseQueryString(new Uri(SmtpSink.LinkIn(await app.Mail.WaitForAsync(newEmail))).Query);
        secrets.Add(confirmation["token"]!);
        (await app.Anonymous().PostAsJsonAsync("/api/auth/email/confirm", new { userId = confirmation["user"], email = newEmail, token = confirmation["token"] })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        app.Logs.Entries.Count.ShouldBeGreaterThan(100, "Trace logging is on: the journeys above must have been logged");
        LeakedSecrets(app, secrets).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_one_click_unsubscribe_token_of_exchange_mail_is_never_logged()
    {
        await using var app = new NucleusApp(DatabaseProvider.Sqlite, await database.CreateEmptyDatabaseAsync());
        EverythingAtTrace(app);
        app.Settings["Exchange:Mail:PollSeconds"] = "1";
        var memberEmail = $"member-{Guid.NewGuid():N}@ke.example";
        var host = await app.UserAsync(await app.NewTenantAsync("un"));
        var member = await app.UserAsync(await app.NewTenantAsync("ke"), email: memberEmail);
        var space = await host.CreateSpaceAsync("Forum des registres");
        await host.InviteAsync(space.Id(), member.Tenant);
        await member.JoinAsync(space.Id());
        (await member.Client.PutAsJsonAsync($"/api/{member.Tenant.Slug}/exchange/mail-preference", new { mode = "Immediate", language = "en" }, Api.Json))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await host.PostedAsync(space.Id(), space.GeneralChannel(), "@Test user, welcome");
        var body = (await app.Mail.WaitForAsync(memberEmail, TimeSpan.FromSeconds(30))).Body;
        var line = body.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/mail/unsubscribe?token=", StringComparison.Ordinal));
        var link = new Uri(line[line.IndexOf("http", StringComparison.Ordinal)..]);
        var token = HttpUtility.ParseQueryString(link.Query)["token"]!;
        (await app.Anonymous().GetStringAsync(link.PathAndQuery)).ShouldContain("unsubscribed");

        app.Logs.Entries.ShouldContain(e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal), "Trace logging is on");
        LeakedSecrets(app, [token]).ShouldBeEmpty();
    }

    [Fact]
    public async Task Mail_written_to_the_pickup_directory_is_never_logged_with_its_body_and_links_only_in_development_when_asked()
    {
        var pickup = Path.Combine(Path.GetTempPath(), $"nucleus-mail-{Guid.NewGuid():N}");
        try
        {
            foreach (var (environment, logLinks, linkLogged) in new[] { ("Testing", "true", false), ("Development", "false", false), ("Development", "true", true) })
            {
                await using var app = new NucleusApp(DatabaseProvider.Sqlite, await database.CreateEmptyDatabaseAsync());
                EverythingAtTrace(app);
                app.Settings["Mail:SmtpHost"] = "";
                app.Settings["Mail:PickupDirectory"] = pickup;
                app.Settings["Mail:LogLinks"] = logLinks;
                app.Settings["Environment"] = environment;
                var mailer = app.Services.GetRequiredService<IMailer>();
                var secret = $"token-{Guid.NewGuid():N}";
                await mailer.SendAsync("someone@example.org", "Your link", $"Dear someone,\nfollow {mailer.Link($"/account/reset?token={secret}")}\nThe body's secret line {secret}-body.");
                await app.MailSettledAsync(); // queued, then written by a background job

                Directory.EnumerateFiles(pickup, "*.eml").ShouldNotBeEmpty();
                var logged = app.Logs.Entries.Where(e => e.Message.Contains(secret, StringComparison.Ordinal)).Select(e => e.Message).ToList();
                logged.ShouldNotContain(message => message.Contains("body's secret line", StringComparison.Ordinal), $"{environment}: a mail body was logged");
                if (linkLogged)
                {
                    logged.ShouldHaveSingleItem().ShouldContain($"/account/reset?token={secret}");
                }
                else
                {
                    logged.ShouldBeEmpty($"{environment} with Mail:LogLinks={logLinks}");
                }
            }
        }
        finally
        {
            Directory.Delete(pickup, recursive: true);
        }
    }

    [Fact]
    public async Task Production_refuses_to_start_without_an_smtp_host_or_an_explicit_pickup_directory()
    {
        using var certificate = new TestCertificate();
        await using (var app = certificate.InProduction(new NucleusApp(DatabaseProvider.Sqlite, await database.CreateEmptyDatabaseAsync())))
        {
            app.Settings["Mail:SmtpHost"] = "";
            Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => app.Services).Message.ShouldContain("Mail:SmtpHost");
        }

        var pickup = Path.Combine(Path.GetTempPath(), $"nucleus-mail-{Guid.NewGuid():N}");
        await using (var app = certificate.InProduction(new NucleusApp(DatabaseProvider.Sqlite, await database.CreateEmptyDatabaseAsync())))
        {
            app.Settings["Mail:SmtpHost"] = "";
            app.Settings["Mail:PickupDirectory"] = pickup;
            (await app.Anonymous().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private static List<string> LeakedSecrets(NucleusApp app, IEnumerable<string> secrets)
    {
        var logged = app.Logs.Entries.Select(e => string.Join("\n", [e.Category, e.Message, e.Exception?.ToString() ?? "", .. e.Scope.Values.Select(v => v?.ToString() ?? "")])).ToList();
        return [.. secrets.Where(secret => secret.Length > 0)
            .SelectMany(secret => logged.Where(entry => entry.Contains(secret, StringComparison.Ordinal) || entry.Contains(Uri.EscapeDataString(secret), StringComparison.Ordinal))
                .Select(entry => $"'{secret[..Math.Min(12, secret.Length)]}…' in: {entry[..Math.Min(300, entry.Length)]}"))];
    }

    private static string TokenIn(SmtpSink.Message message) => HttpUtility.ParseQueryString(new Uri(SmtpSink.LinkIn(message)).Query)["token"]!;

    private static async Task<(string Access, string Refresh)> SignInAsync(NucleusApp app, string email, string password)
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var tokens = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (tokens["accessToken"]!.GetValue<string>(), tokens["refreshToken"]!.GetValue<string>());
    }

    private static HttpClient Bearer(NucleusApp app, string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
