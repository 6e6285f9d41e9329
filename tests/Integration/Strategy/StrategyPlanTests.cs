using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Strategy;

/// <summary>The vision, the action plans, the indicators entered by hand, the money and satisfaction figures, and their CSV, each kept to its tenant.</summary>
public abstract class StrategyPlanTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task The_vision_and_action_plans_are_written_by_owners_and_administrators_and_read_by_their_tenant()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        var vision = $"/api/{a.Slug}/strategy/vision";
        await (await admin.GetAsync(vision)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var body = new
        {
            statement = "Estonia, the digital society the world learns from.", startYear = 2026,
            collaborationAim = "Forty partners export with us.", diplomacyAim = "Digital is part of every state visit.", exportAim = "EUR 50M of GovTech exports a year.",
            targetMarkets = new[] { "ke", "UA", "ke" }, regions = new[] { "East Africa" }, competitiveAdvantages = new[] { "X-Road", "e-ID for 25 years" },
            reportingCurrency = "eur", version = 0,
        };
        var saved = await admin.PutAsJsonAsync(vision, body).OkAsync();
        saved["endYear"]!.GetValue<int>().ShouldBe(2030);
        saved["targetMarkets"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["KE", "UA"]);
        saved["reportingCurrency"]!.GetValue<string>().ShouldBe("EUR");
        await (await admin.PutAsJsonAsync(vision, body)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutAsJsonAsync(vision, body with { targetMarkets = new[] { "XX" }, startYear = 1999, version = 1 })).ShouldBeValidationProblemAsync("targetMarkets[0]", "startYear");
        await (await App.MemberOf(TenantRole.CrmUser, a).PutAsJsonAsync(vision, body with { version = 1 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.MemberOf(TenantRole.CrmUser, a).GetAsync(vision).OkAsync())["statement"]!.GetValue<string>().ShouldStartWith("Estonia");
        await (await other.GetAsync(vision)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/{b.Slug}/strategy/vision")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var actions = $"/api/{a.Slug}/strategy/actions";
        var action = await admin.PostCreatedAsync(actions, new { year = 2027, aim = "Export", title = "Trade mission to Nairobi", owner = "Head of export", budget = 40_000, outputs = "Ten meetings" });
        action["status"]!.GetValue<string>().ShouldBe("Planned");
        await admin.PostCreatedAsync(actions, new { year = 2027, aim = "Diplomacy", title = "Ambassadors' briefing" });
        await (await admin.PostAsJsonAsync(actions, new { year = 2027, title = "Aimless", budget = -1 })).ShouldBeValidationProblemAsync("aim", "budget");
        var updated = await admin.PutAsJsonAsync($"{actions}/{action["id"]}", new { year = 2027, aim = "Export", title = "Trade mission to Nairobi", status = "Done", version = 1 }).OkAsync();
        updated["status"]!.GetValue<string>().ShouldBe("Done");
        await (await admin.PutAsJsonAsync($"{actions}/{action["id"]}", new { year = 2027, aim = "Export", title = "Late", version = 1 })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        JsonNode.Parse(await admin.GetStringAsync($"{actions}?year=2027&aim=Export"))!.AsArray().Select(x => x!["title"]!.GetValue<string>()).ShouldBe(["Trade mission to Nairobi"]);
        JsonNode.Parse(await other.GetStringAsync($"/api/{b.Slug}/strategy/actions"))!.AsArray().ShouldBeEmpty();
        await (await other.DeleteAsync($"/api/{b.Slug}/strategy/actions/{action["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await admin.DeleteAsync($"{actions}/{action["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [SkippableFact]
    public async Task Money_satisfaction_and_hand_entered_figures_are_reckoned_with_their_sources_and_exported()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        var year = DateTime.UtcNow.Year;
        var indicators = $"/api/{a.Slug}/strategy/indicators?year={year}";

        // Won value: in the reporting currency (EUR by default), other currencies named in the source and not added.
        var organisation = await admin.PostCreatedAsync($"/api/{a.Slug}/crm/organisations", new { name = "Ministry of Finance of Ghana", kind = "Ministry", country = "GH" });
        foreach (var (title, amount, currency) in new[] { ("e-Tax", 1_000_000m, "EUR"), ("e-Customs", 250_000m, "EUR"), ("Land registry", 300_000m, "USD") })
        {
            var opportunity = await admin.PostCreatedAsync($"/api/{a.Slug}/crm/opportunities", new { title, organisationId = organisation["id"], amount, currency });
            await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/opportunities/{opportunity["id"]}/stage", new { stage = "Won" }).OkAsync();
        }

        // Satisfaction: the partners' results of the year, averaged by respondents.
        var partner = await admin.CreatePartnerAsync(a, "Cybernetica", "ItVendor");
        await admin.PutAsJsonAsync($"/api/{a.Slug}/partners/{partner["id"]}/surveys/{year}-H1", new { score = 4.0m, respondents = 30 });
        await admin.PutAsJsonAsync($"/api/{a.Slug}/partners/{partner["id"]}/surveys/{year}-H2", new { score = 5.0m, respondents = 10 });

        var figures = await Eventually.Until(async () => JsonNode.Parse(await admin.GetStringAsync(indicators))!,
            f => Value(f, "opportunities-won-value") == 1_250_000m && Value(f, "partner-satisfaction") == 4.25m
                && Item(f, "opportunities-won-value")["source"]!.GetValue<string>().Contains("USD", StringComparison.Ordinal), "won value (all three wins) and satisfaction reckoned");
        Item(figures, "opportunities-won-value")["source"]!.GetValue<string>().ShouldContain("300,000 USD");
        Item(figures, "opportunities-won-value")["unit"]!.GetValue<string>().ShouldBe("Money");
        Item(figures, "partner-satisfaction")["source"]!.GetValue<string>().ShouldContain("40 respondents");

        // Revenue is entered by hand with a note; computed indicators are not.
        var revenue = $"/api/{a.Slug}/strategy/indicators/revenue/actuals/{year}";
        var entered = await admin.PutAsJsonAsync(revenue, new { value = 1_200_000, note = "Annual accounts, audited" }).OkAsync();
        entered["actual"]!.GetValue<decimal>().ShouldBe(1_200_000m);
        entered["enteredByHand"]!.GetValue<bool>().ShouldBeTrue();
        entered["source"]!.GetValue<string>().ShouldContain("Annual accounts, audited");
        await (await admin.PutAsJsonAsync(revenue, new { value = 5 })).ShouldBeValidationProblemAsync("note");
        await (await admin.PutAsJsonAsync($"/api/{a.Slug}/strategy/indicators/opportunities-won/actuals/{year}", new { value = 99, note = "wishful" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await App.MemberOf(TenantRole.CrmUser, a).PutAsJsonAsync(revenue, new { value = 1, note = "mine" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Filtered by aim, and as CSV with the sources; another tenant's figures do not move.
        var export = JsonNode.Parse(await admin.GetStringAsync($"{indicators}&aim=Export"))!["items"]!.AsArray();
        export.ShouldAllBe(i => i!["aim"]!.GetValue<string>() == "Export");
        export.Select(i => i!["id"]!.GetValue<string>()).ShouldContain("opportunities-won-value");
        await (await admin.GetAsync($"{indicators}&aim=Happiness")).ShouldBeValidationProblemAsync("aim");
        var csv = await admin.GetAsync($"/api/{a.Slug}/strategy/indicators.csv?year={year}");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldContain("revenue,Revenue,,EUR,,1200000,");
        text.ShouldContain("Annual accounts, audited");
        var theirs = JsonNode.Parse(await other.GetStringAsync($"/api/{b.Slug}/strategy/indicators?year={year}"))!;
        Value(theirs, "opportunities-won-value").ShouldBe(0);
        Value(theirs, "revenue").ShouldBe(0);
        Value(theirs, "partner-satisfaction").ShouldBe(0);
        await (await other.GetAsync($"/api/{a.Slug}/strategy/indicators.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // A partner's removal takes its results out of the average.
        (await admin.DeleteAsync($"/api/{a.Slug}/partners/{partner["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Eventually.Until(async () => JsonNode.Parse(await admin.GetStringAsync(indicators))!, f => Value(f, "partner-satisfaction") == 0, "results of a removed partner gone");
    }

    private static JsonObject Item(JsonNode figures, string id) => figures["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!.AsObject();

    private static decimal Value(JsonNode figures, string id) => Item(figures, id)["actual"]!.GetValue<decimal>();
}

public sealed class StrategyPlanOnSqlite(SqliteFixture fixture) : StrategyPlanTests<SqliteFixture>(fixture);

public sealed class StrategyPlanOnPostgres(PostgresFixture fixture) : StrategyPlanTests<PostgresFixture>(fixture);
public sealed class StrategyPlanOnSqlServer(SqlServerFixture fixture) : StrategyPlanTests<SqlServerFixture>(fixture);
