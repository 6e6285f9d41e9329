using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Identity;

/// <summary>Invitations by e-mail, password reset and two-factor sign-in, end to end over HTTP and SMTP.</summary>
public abstract class AccountFlowTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private const string Password = "a perfectly long passphrase";
    private NucleusApp App => fixture.App;

    private static string Email(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    private static HttpClient Bearer(NucleusApp app, JsonObject tokens)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["accessToken"]!.GetValue<string>());
        return client;
    }

    private async Task<HttpResponseMessage> LoginAsync(string email, string password = Password, string? code = null, string? recovery = null) =>
        await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password, twoFactorCode = code, twoFactorRecoveryCode = recovery });

    private static async Task<JsonObject> TokensAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static (string Tenant, string Token) InvitationLink(SmtpSink.Message message)
    {
        var query = HttpUtility.ParseQueryString(new Uri(SmtpSink.LinkIn(message)).Query);
        return (query["tenant"]!, query["token"]!);
    }

    [SkippableFact]
    public async Task A_platform_admin_invites_a_first_admin_who_accepts_signs_in_and_invites_a_colleague()
    {
        var tenant = await App.NewTenantAsync();
        var adminEmail = Email("admin");
        (await App.PlatformAdmin().PostAsJsonAsync($"/api/platform/tenants/{tenant.Id}/invitations", new { email = adminEmail, role = "Admin", reason = "Onboarding of a new nucleus: its first administrator." }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var invitation = await App.Mail.WaitForAsync(adminEmail);
        invitation.Subject.ShouldContain(tenant.Name);
        var (slug, token) = InvitationLink(invitation);
        slug.ShouldBe(tenant.Slug);

        await (await App.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = slug, token }, Api.Json)).ShouldBeValidationProblemAsync("password");
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = slug, token, password = "short" }, Api.Json)).ShouldBeValidationProblemAsync("password");
        var accepted = await App.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = slug, token, displayName = "Kadri", password = Password }, Api.Json);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = slug, token, password = Password }, Api.Json)).ShouldBeValidationProblemAsync("token");

        var admin = Bearer(App, await TokensAsync(await LoginAsync(adminEmail)));
        var colleagueEmail = Email("colleague");
        (await admin.PostAsJsonAsync($"/api/{tenant.Slug}/identity/invitations", new { email = colleagueEmail, role = "Editor" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (_, colleagueToken) = InvitationLink(await App.Mail.WaitForAsync(colleagueEmail));
        (await App.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = tenant.Slug, token = colleagueToken, password = Password }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var colleague = Bearer(App, await TokensAsync(await LoginAsync(colleagueEmail)));
        await colleague.CreateSolutionAsync(tenant, "By the colleague", SolutionStatus.Draft);
        var members = JsonNode.Parse(await admin.GetStringAsync($"/api/{tenant.Slug}/identity/members"))!["items"]!.AsArray();
        members.Select(m => (m!["email"]!.GetValue<string>(), m["role"]!.GetValue<string>())).ShouldBe([(adminEmail, "Admin"), (colleagueEmail, "Editor")], ignoreOrder: true);
    }

    [SkippableFact]
    public async Task An_invitation_to_an_existing_account_adds_the_membership_without_a_new_password()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var email = Email("existing");
        var userId = await App.NewUserAsync(Password, email: email);
        await App.GrantAsync(userId, a, TenantRole.Viewer);

        (await App.MemberOf(TenantRole.Admin, b).PostAsJsonAsync($"/api/{b.Slug}/identity/invitations", new { email, role = "Editor" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (_, token) = InvitationLink(await App.Mail.WaitForAsync(email));
        var accepted = JsonNode.Parse(await (await App.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = b.Slug, token }, Api.Json)).Content.ReadAsStringAsync())!;
        accepted["accountCreated"]!.GetValue<bool>().ShouldBeFalse();

        var me = JsonNode.Parse(await Bearer(App, await TokensAsync(await LoginAsync(email))).GetStringAsync("/api/auth/me"))!;
        me["memberships"]!.AsArray().Select(m => (m!["slug"]!.GetValue<string>(), m["role"]!.GetValue<string>()))
            .ShouldBe([(a.Slug, "Viewer"), (b.Slug, "Editor")], ignoreOrder: true);
    }

    [SkippableFact]
    public async Task An_invitation_works_only_in_its_own_tenant_and_not_after_it_is_withdrawn()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var adminOfA = App.MemberOf(TenantRole.Admin, a);
        var email = Email("invitee");
        var created = JsonNode.Parse(await (await adminOfA.PostAsJsonAsync($"/api/{a.Slug}/identity/invitations", new { email, role = "Viewer" }, Api.Json)).Content.ReadAsStringAsync())!;
        var (_, token) = InvitationLink(await App.Mail.WaitForAsync(email));

        await (await App.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = b.Slug, token, password = Password }, Api.Json)).ShouldBeValidationProblemAsync("token");
        await (await App.MemberOf(TenantRole.Admin, b).DeleteAsync($"/api/{b.Slug}/identity/invitations/{created["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await adminOfA.DeleteAsync($"/api/{a.Slug}/identity/invitations/{created["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = a.Slug, token, password = Password }, Api.Json)).ShouldBeValidationProblemAsync("token");
        await (await App.MemberOf(TenantRole.Admin, a).PostAsJsonAsync($"/api/{a.Slug}/identity/invitations", new { email = "not-an-address", role = "Viewer" }, Api.Json)).ShouldBeValidationProblemAsync("email");
        await (await App.MemberOf(TenantRole.Admin, a).PostAsJsonAsync($"/api/{a.Slug}/identity/invitations", new { email, role = "Owner" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link_and_old_refresh_tokens_stop_working()
    {
        var email = Email("forgetful");
        await App.NewUserAsync(Password, email: email);
        var before = await TokensAsync(await LoginAsync(email));

        (await App.Anonymous().PostAsJsonAsync("/api/auth/password/forgot", new { email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await App.Anonymous().PostAsJsonAsync("/api/auth/password/forgot", new { email = "nobody-" + email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var query = HttpUtility.ParseQueryString(new Uri(SmtpSink.LinkIn(await App.Mail.WaitForAsync(email))).Query);
        (await App.MailSettledAsync()).ShouldNotContain(m => m.To.Contains("nobody-", StringComparison.Ordinal));

        await (await App.Anonymous().PostAsJsonAsync("/api/auth/password/reset", new { email, token = "forged", newPassword = "another long passphrase" })).ShouldBeValidationProblemAsync("token");
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/password/reset", new { email, token = query["token"], newPassword = "short" })).ShouldBeValidationProblemAsync("newPassword");
        (await App.Anonymous().PostAsJsonAsync("/api/auth/password/reset", new { email, token = query["token"], newPassword = "another long passphrase" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await LoginAsync(email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await TokensAsync(await LoginAsync(email, "another long passphrase"));
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = before["refreshToken"]!.GetValue<string>() })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task After_enrolling_totp_sign_in_needs_a_code_each_code_and_recovery_code_works_once()
    {
        var email = Email("careful");
        await App.NewUserAsync(Password, email: email);
        var me = Bearer(App, await TokensAsync(await LoginAsync(email)));

        var enrolment = JsonNode.Parse(await (await me.PostAsync("/api/auth/2fa/authenticator", null)).Content.ReadAsStringAsync())!;
        var key = enrolment["sharedKey"]!.GetValue<string>();
        enrolment["authenticatorUri"]!.GetValue<string>().ShouldStartWith("otpauth://totp/NucleusCloud:");
        await (await me.PostAsJsonAsync("/api/auth/2fa/enable", new { code = "000000" })).ShouldBeValidationProblemAsync("code");
        var enrolmentCode = Totp.Code(key);
        var enabled = await me.PostAsJsonAsync("/api/auth/2fa/enable", new { code = enrolmentCode });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK, await enabled.Content.ReadAsStringAsync());
        var recoveryCodes = JsonNode.Parse(await enabled.Content.ReadAsStringAsync())!["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        recoveryCodes.Count.ShouldBe(10);

        var withoutCode = await (await LoginAsync(email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        withoutCode["type"]!.GetValue<string>().ShouldEndWith("two-factor-required");
        await (await LoginAsync(email, code: "123456")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        // Each code works once (RFC 6238 §5.2): the one used to enrol cannot sign in, nor can a code twice.
        await (await LoginAsync(email, code: enrolmentCode)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var next = await Totp.NextCodeAsync(key, enrolmentCode);
        await TokensAsync(await LoginAsync(email, code: next));
        await (await LoginAsync(email, code: next)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await TokensAsync(await LoginAsync(email, recovery: recoveryCodes[0]));
        await (await LoginAsync(email, recovery: recoveryCodes[0])).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Changing_the_password_ends_other_refresh_tokens()
    {
        var email = Email("rotating");
        await App.NewUserAsync(Password, email: email);
        var other = await TokensAsync(await LoginAsync(email));
        var me = Bearer(App, await TokensAsync(await LoginAsync(email)));

        await (await me.PostAsJsonAsync("/api/auth/password/change", new { currentPassword = "wrong", newPassword = "a brand new passphrase" })).ShouldBeValidationProblemAsync("currentPassword");
        (await me.PostAsJsonAsync("/api/auth/password/change", new { currentPassword = Password, newPassword = "a brand new passphrase" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = other["refreshToken"]!.GetValue<string>() })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Account_endpoints_refuse_api_keys_and_strangers()
    {
        await (await App.Anonymous().GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var tenant = await App.NewTenantAsync();
        var created = JsonNode.Parse(await (await App.MemberOf(TenantRole.Admin, tenant).PostAsJsonAsync($"/api/{tenant.Slug}/identity/api-keys", new { name = "k", role = "Viewer" }, Api.Json)).Content.ReadAsStringAsync())!;
        var integration = App.Anonymous();
        integration.DefaultRequestHeaders.Add("X-Api-Key", created["key"]!.GetValue<string>());
        (await integration.GetAsync($"/api/{tenant.Slug}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class AccountFlowsOnSqlite(SqliteFixture fixture) : AccountFlowTests<SqliteFixture>(fixture);

public sealed class AccountFlowsOnPostgres(PostgresFixture fixture) : AccountFlowTests<PostgresFixture>(fixture);
public sealed class AccountFlowsOnSqlServer(SqlServerFixture fixture) : AccountFlowTests<SqlServerFixture>(fixture);
