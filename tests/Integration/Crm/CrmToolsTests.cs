using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Crm;

/// <summary>Enquiries imported from e-mail, duplicates merged with everything linked to them, and mail that honours consent, each kept to its tenant.</summary>
public abstract class CrmToolsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task An_email_saved_as_eml_becomes_an_enquiry_once_and_hostile_files_are_refused()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        var url = $"/api/{a.Slug}/crm/enquiries/imports/email";
        var id = $"<{Guid.NewGuid():N}@mail.example.go.ke>";
        var eml = $"""
            From: "Wanjiru Kamau" <wanjiru@example.go.ke>
            To: info@nucleus.example
            Subject: =?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("Identité numérique pour 50 millions"))}?=
            Date: Tue, 03 Nov 2026 09:15:00 +0300
            Message-ID: {id}
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            We would like to learn how your digital identity was rolled out.
            """;

        var imported = await admin.PostCreatedAsync(url, new StringContent(eml, Encoding.UTF8, "message/rfc822"));
        imported["source"]!.GetValue<string>().ShouldBe("email");
        imported["contactName"]!.GetValue<string>().ShouldBe("Wanjiru Kamau");
        imported["contactEmail"]!.GetValue<string>().ShouldBe("wanjiru@example.go.ke");
        imported["subject"]!.GetValue<string>().ShouldBe("Identité numérique pour 50 millions");
        imported["message"]!.GetValue<string>().ShouldStartWith("We would like to learn");
        imported["receivedAt"]!.GetValue<DateTimeOffset>().ShouldBe(new DateTimeOffset(2026, 11, 3, 6, 15, 0, TimeSpan.Zero));
        await (await admin.PostAsync(url, new StringContent(eml, Encoding.UTF8, "message/rfc822"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // Another tenant may import the same message into its own CRM, and sees nothing of this one's.
        await other.PostCreatedAsync($"/api/{b.Slug}/crm/enquiries/imports/email", new StringContent(eml, Encoding.UTF8, "message/rfc822"));
        await (await other.GetAsync($"/api/{b.Slug}/crm/enquiries/{imported["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync(url, new StringContent(eml, Encoding.UTF8, "message/rfc822"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(TenantRole.Viewer, a).PostAsync(url, new StringContent(eml, Encoding.UTF8, "message/rfc822"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // An HTML-only message is read as its text; a date in the future is not believed.
        var html = """
            From: ana@example.pt
            Subject: Registos
            Date: Fri, 01 Jan 2100 00:00:00 +0000
            Content-Type: text/html; charset=utf-8

            <html><body><p>Queremos <b>conhecer</b> o vosso registo.</p><script>alert(1)</script></body></html>
            """;
        var fromHtml = await admin.PostCreatedAsync(url, new StringContent(html, Encoding.UTF8, "message/rfc822"));
        fromHtml["message"]!.GetValue<string>().ShouldStartWith("Queremos conhecer o vosso registo.");
        fromHtml["contactName"]!.GetValue<string>().ShouldBe("ana@example.pt");
        fromHtml["receivedAt"]!.GetValue<DateTimeOffset>().ShouldBeLessThan(DateTimeOffset.UtcNow.AddMinutes(1));

        await (await admin.PostAsync(url, new StringContent("Subject: nobody\r\n\r\nHello", Encoding.UTF8, "message/rfc822"))).ShouldBeValidationProblemAsync("file");
        await (await admin.PostAsync(url, new StringContent("From: a@example.org\r\nSubject: empty\r\n\r\n", Encoding.UTF8, "message/rfc822"))).ShouldBeValidationProblemAsync("file");
        await (await admin.PostAsync(url, new ByteArrayContent([0x00, 0xFF, 0xFE, 0x00]))).ShouldBeValidationProblemAsync("file");
        await (await admin.PostAsync(url, new ByteArrayContent([]))).ShouldBeValidationProblemAsync("body");
        await (await admin.PostAsync(url, new ByteArrayContent(new byte[6 * 1024 * 1024]))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        JsonNode.Parse(await admin.GetStringAsync($"/api/{a.Slug}/crm/enquiries"))!["total"]!.GetValue<int>().ShouldBe(2, "nothing half-imported from the refused files");
    }

    [SkippableFact]
    public async Task Merging_a_duplicate_keeps_every_linked_record_on_the_organisation_kept()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        var crm = $"/api/{a.Slug}/crm";
        var kept = await admin.PostCreatedAsync($"{crm}/organisations", new { name = "Ministry of ICT of Kenya", kind = "Ministry", country = "KE", notes = "Main counterpart." });
        var duplicate = await admin.PostCreatedAsync($"{crm}/organisations", new { name = "MoICT Kenya", kind = "Ministry", country = "KE", websiteUrl = "https://ict.example.go.ke", notes = "Met at the summit." });
        var dup = duplicate["id"]!.GetValue<string>();
        await admin.PostCreatedAsync($"{crm}/organisations/{dup}/contacts", new { name = "Jane Wanjiku" });
        await admin.PostAsJsonAsync($"{crm}/organisations/{dup}/interactions", new { kind = "Meeting", occurredOn = "2026-05-01", summary = "Summit meeting" }).OkAsync();
        var opportunity = await admin.PostCreatedAsync($"{crm}/opportunities", new { title = "Digital ID", organisationId = dup, amount = 1, currency = "EUR" });
        var enquiry = await admin.PostCreatedAsync($"{crm}/enquiries", new { contactName = "Jane", contactEmail = "jane@example.go.ke", subject = "ID", message = "Help" });
        await admin.PostAsJsonAsync($"{crm}/enquiries/{enquiry["id"]}/triage", new { organisationId = dup }).OkAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var visit = await admin.PostCreatedAsync($"{crm}/visits", new { title = "Study visit", organisationId = dup, startsOn = today, endsOn = today, headcount = 3 });
        await admin.PostCreatedAsync($"{crm}/tasks", new { title = "Call back", dueOn = today, link = "Organisation", linkId = dup });

        var theirs = await other.PostCreatedAsync($"/api/{b.Slug}/crm/organisations", new { name = "Theirs", kind = "Ministry", country = "KE" });
        await (await admin.PostAsJsonAsync($"{crm}/organisations/{dup}/merge", new { into = theirs["id"] })).ShouldBeValidationProblemAsync("into");
        await (await admin.PostAsJsonAsync($"{crm}/organisations/{dup}/merge", new { into = dup })).ShouldBeValidationProblemAsync("into");
        await (await App.MemberOf(TenantRole.Viewer, a).PostAsJsonAsync($"{crm}/organisations/{dup}/merge", new { into = kept["id"] })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.PostAsJsonAsync($"/api/{b.Slug}/crm/organisations/{dup}/merge", new { into = theirs["id"] })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var merged = await admin.PostAsJsonAsync($"{crm}/organisations/{dup}/merge", new { into = kept["id"] }).OkAsync();
        foreach (var moved in new[] { "contacts", "interactions", "opportunities", "enquiries", "visits", "tasks" })
        {
            merged[moved]!.GetValue<int>().ShouldBe(1, moved);
        }

        merged["kept"]!["websiteUrl"]!.GetValue<string>().ShouldBe("https://ict.example.go.ke");
        merged["kept"]!["notes"]!.GetValue<string>().ShouldContain("Met at the summit.");
        await (await admin.GetAsync($"{crm}/organisations/{dup}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var timeline = JsonNode.Parse(await admin.GetStringAsync($"{crm}/organisations/{kept["id"]}/timeline"))!.AsArray();
        timeline.Select(e => e!["type"]!.GetValue<string>()).Order().ShouldBe(["enquiry", "interaction", "opportunity"]);
        JsonNode.Parse(await admin.GetStringAsync($"{crm}/organisations/{kept["id"]}/contacts"))!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("Jane Wanjiku");
        (await admin.GetAsync($"{crm}/opportunities/{opportunity["id"]}").OkAsync())["organisationName"]!.GetValue<string>().ShouldBe("Ministry of ICT of Kenya");
        (await admin.GetAsync($"{crm}/visits/{visit["id"]}").OkAsync())["organisationId"]!.GetValue<string>().ShouldBe(kept["id"]!.GetValue<string>());
        JsonNode.Parse(await admin.GetStringAsync($"{crm}/tasks?linkId={kept["id"]}"))!["total"]!.GetValue<int>().ShouldBe(1);
    }

    [SkippableFact]
    public async Task Mail_reaches_only_the_people_who_consented_and_is_recorded_as_a_touch_point()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var admin = App.MemberOf(a);
        var crm = $"/api/{a.Slug}/crm";
        var organisation = await admin.PostCreatedAsync($"{crm}/organisations", new { name = "Rwanda Information Society Authority", kind = "Agency", country = "RW" });
        var id = organisation["id"]!.GetValue<string>();
        var (yes, no, nowhere) = ($"yes-{Guid.NewGuid():N}@example.rw", $"no-{Guid.NewGuid():N}@example.rw", $"x-{Guid.NewGuid():N}@example.rw");
        var url = $"{crm}/organisations/{id}/mailings";
        await (await admin.PostAsJsonAsync(url, new { subject = "Invitation", body = "Come and see us." })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await admin.PostCreatedAsync($"{crm}/organisations/{id}/contacts", new { name = "Consenting", email = yes, consentToContact = true, consentSource = "Signed form, Kigali 2026" });
        await admin.PostCreatedAsync($"{crm}/organisations/{id}/contacts", new { name = "Silent", email = no });
        await admin.PostCreatedAsync($"{crm}/organisations/{id}/contacts", new { name = "Consenting without address", consentToContact = true, consentSource = "Phone call" });
        // One person, one record: the same address in another case is a duplicate.
        await (await admin.PostAsJsonAsync($"{crm}/organisations/{id}/contacts", new { name = "Twice", email = yes.ToUpperInvariant() })).ShouldBeValidationProblemAsync("email");
        var theirs = App.MemberOf(b);
        var elsewhere = await theirs.PostCreatedAsync($"/api/{b.Slug}/crm/organisations", new { name = "Elsewhere", kind = "Agency", country = "RW" });
        await theirs.PostCreatedAsync($"/api/{b.Slug}/crm/organisations/{elsewhere["id"]}/contacts", new { name = "Same person, another tenant's CRM", email = yes });

        await (await admin.PostAsJsonAsync(url, new { subject = "Two\r\nBcc: all@example.org", body = "x" })).ShouldBeValidationProblemAsync("subject");
        await (await admin.PostAsJsonAsync(url, new { subject = "Invitation", body = "" })).ShouldBeValidationProblemAsync("body");
        await (await App.MemberOf(TenantRole.Viewer, a).PostAsJsonAsync(url, new { subject = "Invitation", body = "Hi" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(b).PostAsJsonAsync($"/api/{b.Slug}/crm/organisations/{id}/mailings", new { subject = "Invitation", body = "Hi" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var report = await admin.PostAsJsonAsync(url, new { subject = "Invitation to the e-procurement briefing", body = "Come and see how it works, on 12 March." }).OkAsync();
        report["sent"]!.GetValue<int>().ShouldBe(1);
        report["leftOut"]!.GetValue<int>().ShouldBe(2);
        var received = await App.Mail.WaitForAsync(yes, subject: "Invitation to the e-procurement briefing");
        received.Body.ShouldContain("Come and see how it works");
        received.Body.ShouldContain("Signed form, Kigali 2026");
        (await App.MailSettledAsync()).ShouldNotContain(m => m.To.Contains(no, StringComparison.OrdinalIgnoreCase) || m.To.Contains(nowhere, StringComparison.OrdinalIgnoreCase));

        // The sending is a touch point, and one recorded by mistake can go again.
        var timeline = JsonNode.Parse(await admin.GetStringAsync($"{crm}/organisations/{id}/timeline"))!.AsArray();
        var touch = timeline.Single()!;
        touch["title"]!.GetValue<string>().ShouldBe("Email");
        touch["detail"]!.GetValue<string>().ShouldContain("E-mail to 1 person");
        await (await App.MemberOf(b).DeleteAsync($"/api/{b.Slug}/crm/interactions/{touch["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await admin.DeleteAsync($"{crm}/interactions/{touch["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        JsonNode.Parse(await admin.GetStringAsync($"{crm}/organisations/{id}/timeline"))!.AsArray().ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task A_mailing_waits_for_a_mail_server_that_cannot_be_reached_and_arrives_once_it_answers()
    {
        await using var app = await fixture.OwnAppAsync();
        int port;
        using (var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            closed.Start();
            port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
            app.Settings["Mail:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        } // stopped: nothing listens there for now

        var tenant = await app.NewTenantAsync();
        var admin = app.MemberOf(tenant);
        var crm = $"/api/{tenant.Slug}/crm";
        var id = (await admin.PostCreatedAsync($"{crm}/organisations", new { name = "Unreachable ministry", kind = "Agency", country = "KE" }))["id"]!.GetValue<string>();
        var email = $"a-{Guid.NewGuid():N}@example.ke";
        await admin.PostCreatedAsync($"{crm}/organisations/{id}/contacts", new { name = "Consenting", email, consentToContact = true, consentSource = "Form" });

        // The request does not wait for the mail server: the message is queued, and the touch point recorded.
        var report = await admin.PostAsJsonAsync($"{crm}/organisations/{id}/mailings", new { subject = "Invitation", body = "Hello." }).OkAsync();
        (report["sent"]!.GetValue<int>(), report["leftOut"]!.GetValue<int>()).ShouldBe((1, 0));
        JsonNode.Parse(await admin.GetStringAsync($"{crm}/organisations/{id}/timeline"))!.AsArray().Count.ShouldBe(1);

        // The first attempt fails (logged without the address or the body), and the job tries again.
        var jobs = app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        await Eventually.Until(() => Task.FromResult(jobs.GetStatistics().Scheduled), retries => retries == 1, "a retry scheduled after the failed attempt");
        app.Logs.Entries.ShouldNotContain(e => e.Message.Contains(email, StringComparison.OrdinalIgnoreCase) || e.Message.Contains("Hello.", StringComparison.Ordinal));

        // The server comes back: the retry delivers the message, once.
        await using var server = new SmtpSink(port);
        var received = await server.WaitForAsync(email, TimeSpan.FromSeconds(60));
        received.Body.ShouldContain("Hello.");
        server.Messages.Count(m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
    }
}

public sealed class CrmToolsOnSqlite(SqliteFixture fixture) : CrmToolsTests<SqliteFixture>(fixture);

public sealed class CrmToolsOnPostgres(PostgresFixture fixture) : CrmToolsTests<PostgresFixture>(fixture);
public sealed class CrmToolsOnSqlServer(SqlServerFixture fixture) : CrmToolsTests<SqlServerFixture>(fixture);
