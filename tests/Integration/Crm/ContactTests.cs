using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Crm;

/// <summary>An organisation's people with their consent, its touch points and timelines, the export honouring consent, and the figures the touch points feed.</summary>
public abstract class ContactTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Contacts_keep_their_consent_touch_points_fill_the_timeline_and_the_indicators_and_another_tenant_sees_none()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        var organisation = await CreatedIdAsync(admin, $"/api/{a.Slug}/crm/organisations", new { name = "Ministry of ICT of Rwanda", kind = "Ministry", country = "RW" });
        var contacts = $"/api/{a.Slug}/crm/organisations/{organisation}/contacts";

        await (await admin.PostAsJsonAsync(contacts, new { name = "Jean Mugabo", email = "jean@minict.example", consentToContact = true })).ShouldBeValidationProblemAsync("consentSource");
        await (await admin.PostAsJsonAsync(contacts, new { name = "Jean Mugabo", email = "not an address" })).ShouldBeValidationProblemAsync("email");
        var consenting = await CreatedIdAsync(admin, contacts, new { name = "Jean Mugabo", role = "Director of e-government", email = "jean@minict.example", phone = "+250 788 000 000", consentToContact = true, consentSource = "Signed form, Kigali visit 2026" });
        var silent = await CreatedIdAsync(admin, contacts, new { name = "Aline Uwase", email = "aline@minict.example", phone = "+250 788 111 111" });
        var listed = JsonNode.Parse(await admin.GetStringAsync(contacts))!.AsArray();
        listed.Count.ShouldBe(2);
        listed.Single(c => c!["id"]!.GetValue<string>() == consenting)!["consentRecordedAt"].ShouldNotBeNull();

        // The export gives a way to reach only those who agreed to be reached.
        var export = await admin.GetStringAsync($"/api/{a.Slug}/crm/exports/contacts.csv");
        export.ShouldContain("jean@minict.example");
        export.ShouldContain("+250 788 000 000");
        export.ShouldNotContain("aline@minict.example");
        export.ShouldNotContain("+250 788 111 111");
        export.ShouldContain("Aline Uwase");

        // Touch points, on the organisation's and the person's timelines, and in this year's figures.
        var year = DateTime.UtcNow.Year;
        var interactions = $"/api/{a.Slug}/crm/organisations/{organisation}/interactions";
        await (await admin.PostAsJsonAsync(interactions, new { kind = "Gossip", occurredOn = $"{year}-03-01", summary = "x" })).ShouldBeValidationProblemAsync("kind");
        await (await admin.PostAsJsonAsync(interactions, new { kind = "Meeting", occurredOn = $"{year}-03-01", summary = "x", contactId = Guid.NewGuid() })).ShouldBeValidationProblemAsync("contactId");
        (await admin.PostAsJsonAsync(interactions, new { kind = "Meeting", occurredOn = $"{year}-03-01", summary = "Briefing on X-Road", contactId = consenting })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync(interactions, new { kind = "MediaCoverage", occurredOn = $"{year}-03-02", summary = "The New Times on the visit" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var timeline = JsonNode.Parse(await admin.GetStringAsync($"/api/{a.Slug}/crm/organisations/{organisation}/timeline"))!.AsArray();
        timeline.Select(e => e!["title"]!.GetValue<string>()).ShouldBe(["MediaCoverage", "Meeting"]);
        JsonNode.Parse(await admin.GetStringAsync($"/api/{a.Slug}/crm/contacts/{consenting}/timeline"))!.AsArray().Single()!["detail"]!.GetValue<string>().ShouldBe("Briefing on X-Road");
        await Eventually.Until(async () => Api.IndicatorActual(await admin.GetStringAsync($"/api/{a.Slug}/strategy/indicators?year={year}"), "touch-points"), n => n == 2, "two touch points counted");
        await Eventually.Until(async () => Api.IndicatorActual(await admin.GetStringAsync($"/api/{a.Slug}/strategy/indicators?year={year}"), "media-coverage"), n => n == 1, "one media coverage counted");
        Api.IndicatorActual(await other.GetStringAsync($"/api/{b.Slug}/strategy/indicators?year={year}"), "touch-points").ShouldBe(0);

        // Another tenant reaches none of it.
        await (await other.GetAsync(contacts)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/{b.Slug}/crm/organisations/{organisation}/timeline")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.PutAsJsonAsync($"/api/{b.Slug}/crm/contacts/{consenting}", new { name = "Taken" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await other.GetStringAsync($"/api/{b.Slug}/crm/exports/contacts.csv")).ShouldNotContain("Jean");
        await (await App.MemberOf(TenantRole.Viewer, a).PostAsJsonAsync(contacts, new { name = "Viewer's friend" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Withdrawn consent clears its source and date; a deleted person leaves the touch points, unnamed.
        var withdrawn = JsonNode.Parse(await (await admin.PutAsJsonAsync($"/api/{a.Slug}/crm/contacts/{consenting}", new { name = "Jean Mugabo", email = "jean@minict.example", consentToContact = false })).Content.ReadAsStringAsync())!;
        withdrawn["consentSource"].ShouldBeNull();
        withdrawn["consentRecordedAt"].ShouldBeNull();
        (await admin.GetStringAsync($"/api/{a.Slug}/crm/exports/contacts.csv")).ShouldNotContain("jean@minict.example");
        (await admin.DeleteAsync($"/api/{a.Slug}/crm/contacts/{silent}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"/api/{a.Slug}/crm/contacts/{consenting}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        JsonNode.Parse(await admin.GetStringAsync($"/api/{a.Slug}/crm/organisations/{organisation}/timeline"))!.AsArray().Count.ShouldBe(2);

        // Deleting the organisation takes its touch points with it, and the figures follow.
        (await admin.DeleteAsync($"/api/{a.Slug}/crm/organisations/{organisation}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Eventually.Until(async () => Api.IndicatorActual(await admin.GetStringAsync($"/api/{a.Slug}/strategy/indicators?year={year}"), "touch-points"), n => n == 0, "touch points gone with the organisation");
    }

    private static async Task<string> CreatedIdAsync(HttpClient client, string url, object body) => (await client.PostCreatedAsync(url, body))["id"]!.GetValue<string>();
}

public sealed class ContactsOnSqlite(SqliteFixture fixture) : ContactTests<SqliteFixture>(fixture);

public sealed class ContactsOnPostgres(PostgresFixture fixture) : ContactTests<PostgresFixture>(fixture);
public sealed class ContactsOnSqlServer(SqlServerFixture fixture) : ContactTests<SqlServerFixture>(fixture);
