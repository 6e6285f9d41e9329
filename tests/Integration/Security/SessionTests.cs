using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>Sessions and tokens: refresh tokens rotate and a reused one ends its family; sign-out and account changes end every sign-in.</summary>
public abstract class SessionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private const string Password = "a session test passphrase";
    private NucleusApp App => fixture.App;

    private async Task<string> AccountAsync()
    {
        var email = $"session-{Guid.NewGuid():N}@example.org";
        await App.NewUserAsync(Password, email: email);
        return email;
    }

    private async Task<JsonObject> SignInAsync(string email, string password = Password)
    {
        var response = await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private Task<HttpResponseMessage> RefreshAsync(JsonObject tokens) =>
        App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() });

    private HttpClient Bearer(JsonObject tokens)
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["accessToken"]!.GetValue<string>());
        return client;
    }

    [SkippableFact]
    public async Task Each_refresh_token_works_once_and_a_reused_one_ends_its_whole_family()
    {
        var email = await AccountAsync();
        var first = await SignInAsync(email);
        var otherSignIn = await SignInAsync(email);

        var second = JsonNode.Parse(await (await RefreshAsync(first)).Content.ReadAsStringAsync())!.AsObject();
        second["refreshToken"]!.GetValue<string>().ShouldNotBe(first["refreshToken"]!.GetValue<string>());
        var third = await RefreshAsync(second);
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
        var thirdTokens = JsonNode.Parse(await third.Content.ReadAsStringAsync())!.AsObject();
        (await Bearer(thirdTokens).GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The first token again: someone copied it. Its family ends — the newest refresh and access tokens too.
        await (await RefreshAsync(first)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(thirdTokens)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await Bearer(thirdTokens).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        // Another sign-in of the same account is another family, untouched.
        (await RefreshAsync(otherSignIn)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Signing_out_ends_every_access_and_refresh_token_of_the_account()
    {
        var email = await AccountAsync();
        var here = await SignInAsync(email);
        var elsewhere = await SignInAsync(email);
        (await Bearer(elsewhere).GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Bearer(here).PostAsync("/api/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await Bearer(elsewhere).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await Bearer(here).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(elsewhere)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await SignInAsync(email);
    }

    [SkippableFact]
    public async Task Changing_the_password_or_turning_off_the_second_factor_ends_other_sessions()
    {
        var email = await AccountAsync();
        var other = await SignInAsync(email);
        var me = Bearer(await SignInAsync(email));
        (await me.PostAsJsonAsync("/api/auth/password/change", new { currentPassword = Password, newPassword = "the changed passphrase" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await Bearer(other).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var withTwoFactor = Bearer(await SignInAsync(email, "the changed passphrase"));
        var key = JsonNode.Parse(await (await withTwoFactor.PostAsync("/api/auth/2fa/authenticator", null)).Content.ReadAsStringAsync())!["sharedKey"]!.GetValue<string>();
        var code = Totp.Code(key);
        (await withTwoFactor.PostAsJsonAsync("/api/auth/2fa/enable", new { code })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Turning the second factor on ends no session, even once the host reads the account afresh.
        ((MemoryCache)App.Services.GetRequiredService<IMemoryCache>()).Clear();
        (await withTwoFactor.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var next = await Totp.NextCodeAsync(key, code);
        var signedIn = await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "the changed passphrase", twoFactorCode = next });
        var strong = JsonNode.Parse(await signedIn.Content.ReadAsStringAsync())!.AsObject();
        (await withTwoFactor.PostAsJsonAsync("/api/auth/2fa/disable", new { code = await Totp.NextCodeAsync(key, next) })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await Bearer(strong).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(strong)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Changing_the_address_needs_the_password_and_the_old_address_can_undo_it()
    {
        var email = await AccountAsync();
        var session = await SignInAsync(email);
        var me = Bearer(session);
        var newEmail = $"moved-{Guid.NewGuid():N}@example.org";

        await (await me.PostAsJsonAsync("/api/auth/me/email", new { email = newEmail })).ShouldBeValidationProblemAsync("password");
        await (await me.PostAsJsonAsync("/api/auth/me/email", new { email = newEmail, password = "not my password" })).ShouldBeValidationProblemAsync("password");
        (await App.MailSettledAsync()).ShouldNotContain(m => m.To.Contains(newEmail, StringComparison.OrdinalIgnoreCase));
        (await me.PostAsJsonAsync("/api/auth/me/email", new { email = newEmail, password = Password })).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var confirmation = HttpUtility.ParseQueryString(new Uri(SmtpSink.LinkIn(await App.Mail.WaitForAsync(newEmail))).Query);
        (await App.Anonymous().PostAsJsonAsync("/api/auth/email/confirm", new { userId = confirmation["user"], email = newEmail, token = confirmation["token"] })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await me.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var thief = await SignInAsync(newEmail);

        var notice = await App.Mail.WaitForAsync(email, subject: "has changed");
        notice.Body.ShouldContain(newEmail);
        var undoToken = HttpUtility.ParseQueryString(new Uri(SmtpSink.LinkIn(notice)).Query)["token"]!;
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/email/undo", new { token = undoToken + "x" })).ShouldBeValidationProblemAsync("token");
        (await App.Anonymous().PostAsJsonAsync("/api/auth/email/undo", new { token = undoToken })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The old address signs in again; whoever held the new one is out, and the link works once.
        await (await Bearer(thief).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await Bearer(await SignInAsync(email)).GetStringAsync("/api/auth/me")).ShouldContain(email);
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = newEmail, password = Password })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/email/undo", new { token = undoToken })).ShouldBeValidationProblemAsync("token");
    }
}

public sealed class SessionsOnSqlite(SqliteFixture fixture) : SessionTests<SqliteFixture>(fixture);

public sealed class SessionsOnPostgres(PostgresFixture fixture) : SessionTests<PostgresFixture>(fixture);
public sealed class SessionsOnSqlServer(SqlServerFixture fixture) : SessionTests<SqlServerFixture>(fixture);
