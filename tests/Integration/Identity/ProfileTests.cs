using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Identity;

/// <summary>Name and e-mail changes (the new address proves itself by its link) and the passkey ceremony endpoints.</summary>
public abstract partial class ProfileTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private const string Password = "a perfectly long passphrase";
    private NucleusApp App => fixture.App;

    private static string Email(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var response = await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>());
        return client;
    }

    [SkippableFact]
    public async Task A_person_renames_their_account_with_validation()
    {
        var email = Email("rename");
        await App.NewUserAsync(Password, email: email);
        var me = await SignedInAsync(email);

        await (await me.PutAsJsonAsync("/api/auth/me/name", new { displayName = "" })).ShouldBeValidationProblemAsync("displayName");
        await (await me.PutAsJsonAsync("/api/auth/me/name", new { displayName = new string('x', 101) })).ShouldBeValidationProblemAsync("displayName");
        await (await me.PutAsJsonAsync("/api/auth/me/name", new { displayName = "Bad\u0007name" })).ShouldBeValidationProblemAsync("displayName");
        (await me.PutAsJsonAsync("/api/auth/me/name", new { displayName = "  Liis Tamm " })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        JsonNode.Parse(await me.GetStringAsync("/api/auth/me"))!["displayName"]!.GetValue<string>().ShouldBe("Liis Tamm");
        await (await App.Anonymous().PutAsJsonAsync("/api/auth/me/name", new { displayName = "x" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task A_new_address_takes_effect_only_from_its_link_and_the_old_one_is_told()
    {
        var before = Email("before");
        var after = Email("after");
        await App.NewUserAsync(Password, email: before);
        var me = await SignedInAsync(before);

        await (await me.PostAsJsonAsync("/api/auth/me/email", new { email = "not an address", password = Password })).ShouldBeValidationProblemAsync("email");
        (await me.PostAsJsonAsync("/api/auth/me/email", new { email = after, password = Password })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        JsonNode.Parse(await me.GetStringAsync("/api/auth/me"))!["email"]!.GetValue<string>().ShouldBe(before, "nothing changes before the link is followed");

        var link = new Uri(SmtpSink.LinkIn(await App.Mail.WaitForAsync(after)));
        link.AbsolutePath.ShouldBe("/account/confirm-email");
        var query = HttpUtility.ParseQueryString(link.Query);
        var confirm = new { userId = Guid.Parse(query["user"]!), email = query["email"], token = query["token"] };

        await (await App.Anonymous().PostAsJsonAsync("/api/auth/email/confirm", confirm with { token = "bm90IGEgdG9rZW4" })).ShouldBeValidationProblemAsync("token");
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/email/confirm", confirm with { email = Email("other") })).ShouldBeValidationProblemAsync("token");
        (await App.Anonymous().PostAsJsonAsync("/api/auth/email/confirm", confirm)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/email/confirm", confirm)).ShouldBeValidationProblemAsync("token");

        (await App.Mail.WaitForAsync(before)).Body.ShouldContain(after);
        (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = before, password = Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var renewed = await SignedInAsync(after);
        JsonNode.Parse(await renewed.GetStringAsync("/api/auth/me"))!["email"]!.GetValue<string>().ShouldBe(after);
    }

    [SkippableFact]
    public async Task An_address_that_already_has_an_account_is_not_taken_and_the_caller_cannot_tell()
    {
        var mine = Email("mine");
        var theirs = Email("theirs");
        await App.NewUserAsync(Password, email: mine);
        await App.NewUserAsync(Password, email: theirs);
        var me = await SignedInAsync(mine);

        (await me.PostAsJsonAsync("/api/auth/me/email", new { email = theirs, password = Password })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var notice = await App.Mail.WaitForAsync(theirs);
        notice.Body.ShouldNotContain("/account/confirm-email");
        JsonNode.Parse(await me.GetStringAsync("/api/auth/me"))!["email"]!.GetValue<string>().ShouldBe(mine);
    }

    [SkippableFact]
    public async Task Passkey_ceremonies_start_only_from_a_page_of_ours_and_creation_needs_a_signed_in_person()
    {
        var browser = App.Anonymous();
        await (await browser.PostAsync("/api/auth/passkeys/request-options", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await browser.PostAsync("/api/auth/passkeys/creation-options", null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var loginPage = await browser.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(loginPage).Groups[1].Value;
        token.ShouldNotBeEmpty();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/passkeys/request-options");
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token));
        var options = await browser.SendAsync(request);
        options.StatusCode.ShouldBe(HttpStatusCode.OK, await options.Content.ReadAsStringAsync());
        var json = JsonNode.Parse(await options.Content.ReadAsStringAsync())!;
        json["challenge"]!.GetValue<string>().Length.ShouldBeGreaterThanOrEqualTo(43, "at least 32 random bytes, base64url");
        json["rpId"]!.GetValue<string>().ShouldBe("localhost");
        (json["allowCredentials"]?.AsArray().Count ?? 0).ShouldBe(0, "sign-in names no account: discoverable passkeys only");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class ProfileOnSqlite(SqliteFixture fixture) : ProfileTests<SqliteFixture>(fixture);

public sealed class ProfileOnPostgres(PostgresFixture fixture) : ProfileTests<PostgresFixture>(fixture);
public sealed class ProfileOnSqlServer(SqlServerFixture fixture) : ProfileTests<SqlServerFixture>(fixture);
