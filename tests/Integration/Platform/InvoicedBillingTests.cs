using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Platform;

/// <summary>
/// Subscriptions paid by invoice (Stripe's <c>send_invoice</c>), by the government itself or by a donor, against a local
/// server standing in for Stripe: the exact requests, platform administrators only, the invoices listed to the tenant's owners only.
/// </summary>
public abstract class InvoicedBillingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : DatabaseFixture
{
    private readonly LocalStripe _stripe = new();
    private NucleusApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await fixture.OwnAppAsync();
        _app.Settings["Platform:Deletion:Grace"] = "00:00:01";
        _app.Settings["Platform:Deletion:SweepSeconds"] = "1";
        _stripe.Serve(_app, ("standard", "price_standard_2026"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _stripe.Dispose();
    }

    [SkippableFact]
    public async Task A_donor_tenant_sponsors_a_government_invoiced_by_stripe_and_only_its_owners_see_the_invoices()
    {
        var (government, donor, other) = (await _app.NewTenantAsync("gov"), await _app.NewTenantAsync("donor"), await _app.NewTenantAsync("other"));
        var platform = _app.PlatformAdmin();
        var url = $"/api/platform/tenants/{government.Id}/billing/invoiced";
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new { plan = "standard", invoiceEmail = "Finance@Donor.example", sponsorTenantId = donor.Id, daysUntilDue = 45 }),
        };
        request.Headers.Add("Idempotency-Key", "sponsor-2026");

        var arranged = await platform.SendAsync(request).OkAsync();
        arranged["byInvoice"]!.GetValue<bool>().ShouldBeTrue();
        arranged["sponsorName"]!.GetValue<string>().ShouldBe(donor.Name);
        arranged["plan"]!.GetValue<string>().ShouldBe("standard");

        var sent = _stripe.Requests.ToList();
        sent.Select(r => (r.Method, r.Path)).ShouldBe([("POST", "/v1/customers"), ("POST", "/v1/subscriptions")]);
        sent[0].IdempotencyKey.ShouldBe($"nucleus-invoiced-customer-{government.Id}-sponsor-2026");
        sent[0].Form["name"].ShouldBe($"{donor.Name} for {government.Name}");
        sent[0].Form["email"].ShouldBe("finance@donor.example");
        sent[0].Form["metadata[tenant_id]"].ShouldBe(government.Id.ToString());
        sent[0].Form["metadata[sponsor_tenant_id]"].ShouldBe(donor.Id.ToString());
        sent[1].IdempotencyKey.ShouldBe($"nucleus-invoiced-subscription-{government.Id}-sponsor-2026");
        sent[1].Form.ShouldBe(new Dictionary<string, string>
        {
            ["customer"] = "cus_local_1",
            ["items[0][price]"] = "price_standard_2026",
            ["collection_method"] = "send_invoice",
            ["days_until_due"] = "45",
            ["metadata[tenant_id]"] = government.Id.ToString(),
            ["metadata[plan]"] = "standard",
            ["metadata[sponsor]"] = donor.Name,
            ["metadata[sponsor_tenant_id]"] = donor.Id.ToString(),
        }, ignoreOrder: true);

        // The government's owners see the invoices Stripe keeps for its customer, in Stripe's units.
        var owner = _app.MemberOf(TenantRole.Owner, government);
        var invoices = await owner.GetFromJsonAsync<JsonArray>($"/api/{government.Slug}/billing/invoices", Api.Json);
        invoices.ShouldNotBeNull().Select(i => i!["number"]!.GetValue<string>()).ShouldBe(["NC-0002", "NC-0001"]);
        invoices![0]!["amountDue"]!.GetValue<long>().ShouldBe(1250000);
        invoices[0]!["currency"]!.GetValue<string>().ShouldBe("krw");
        invoices[0]!["dueDate"]!.GetValue<DateTimeOffset>().ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1769817600));
        var listed = _stripe.Requests.Last();
        (listed.Method, listed.Path, listed.Form["customer"], listed.Form["limit"]).ShouldBe(("GET", "/v1/invoices", "cus_local_1", "24"));
        (await owner.GetStringAsync($"/{government.Slug}/billing")).ShouldContain("NC-0002");

        // Its administrators, the donor's owners and another tenant's owners do not.
        await (await _app.MemberOf(TenantRole.Admin, government).GetAsync($"/api/{government.Slug}/billing/invoices")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await _app.MemberOf(TenantRole.Owner, donor).GetAsync($"/api/{government.Slug}/billing/invoices")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _app.MemberOf(TenantRole.Owner, other).GetFromJsonAsync<JsonArray>($"/api/{other.Slug}/billing/invoices", Api.Json))!.ShouldBeEmpty();

        // A second arrangement while the subscription runs is a conflict, not a second subscription.
        await (await platform.PostAsJsonAsync(url, new { plan = "standard", invoiceEmail = "finance@donor.example" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        _stripe.Requests.Count(r => r.Path == "/v1/subscriptions").ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_deleted_tenants_subscription_is_cancelled_in_stripe_before_anything_of_it_is_erased()
    {
        var (government, other) = (await _app.NewTenantAsync("gone"), await _app.NewTenantAsync("stays"));
        var platform = _app.PlatformAdmin();
        foreach (var tenant in new[] { government, other })
        {
            await platform.PostAsJsonAsync($"/api/platform/tenants/{tenant.Id}/billing/invoiced", new { plan = "standard", invoiceEmail = "treasury@gov.example" }, Api.Json).OkAsync();
        }

        // The local Stripe numbers its answers by request: the government's subscription was the second request.
        var subscription = $"sub_local_{_stripe.Requests.ToList().FindIndex(r => r.Path == "/v1/subscriptions") + 1}";
        await platform.ExportedAsync(government);
        (await platform.PostAsJsonAsync($"/api/platform/tenants/{government.Id}/deletion", new { confirm = government.Slug }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.Until(() => platform.GetAsync($"/api/platform/tenants/{government.Id}"), r => r.StatusCode == HttpStatusCode.NotFound, "the tenant erased",
            TimeSpan.FromSeconds(60));

        var cancelled = _stripe.Requests.Where(r => r.Method == "DELETE").ShouldHaveSingleItem("only the deleted tenant's subscription is cancelled");
        cancelled.Path.ShouldBe($"/v1/subscriptions/{subscription}");
        cancelled.IdempotencyKey.ShouldBe($"nucleus-deletion-cancel-{government.Id}");
        (cancelled.Form["invoice_now"], cancelled.Form["prorate"]).ShouldBe(("false", "false"));
        (await platform.GetStringAsync("/api/platform/audit?pageSize=100")).ShouldContain(subscription);
    }

    [SkippableFact]
    public async Task Only_platform_administrators_arrange_it_and_bad_arrangements_name_their_field()
    {
        var (government, other) = (await _app.NewTenantAsync("gov"), await _app.NewTenantAsync("other"));
        var url = $"/api/platform/tenants/{government.Id}/billing/invoiced";
        await (await _app.MemberOf(TenantRole.Owner, government).PostAsJsonAsync(url, new { plan = "standard", invoiceEmail = "f@gov.example" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var platform = _app.PlatformAdmin();
        await (await platform.PostAsJsonAsync(url, new { plan = "galactic", invoiceEmail = "f@gov.example" }, Api.Json)).ShouldBeValidationProblemAsync("plan");
        await (await platform.PostAsJsonAsync(url, new { plan = "standard", invoiceEmail = "not mail" }, Api.Json)).ShouldBeValidationProblemAsync("invoiceEmail");
        await (await platform.PostAsJsonAsync(url, new { plan = "standard", invoiceEmail = "f@gov.example", sponsorTenantId = government.Id }, Api.Json))
            .ShouldBeValidationProblemAsync("sponsorTenantId");
        await (await platform.PostAsJsonAsync(url, new { plan = "standard", invoiceEmail = "f@gov.example", daysUntilDue = 400 }, Api.Json)).ShouldBeValidationProblemAsync("daysUntilDue");
        await (await platform.PostAsJsonAsync($"/api/platform/tenants/{Guid.NewGuid()}/billing/invoiced", new { plan = "standard", invoiceEmail = "f@gov.example" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        _stripe.Requests.ShouldBeEmpty("nothing reached Stripe");

        // A government paying its own invoices, named by nobody else.
        var own = await platform.PostAsJsonAsync($"/api/platform/tenants/{other.Id}/billing/invoiced", new { plan = "standard", invoiceEmail = "treasury@other.example" }, Api.Json).OkAsync();
        own["sponsorName"].ShouldBeNull();
        _stripe.Requests.First(r => r.Path == "/v1/customers").Form["name"].ShouldBe(other.Name);
    }
}

public sealed class InvoicedBillingOnSqlite(SqliteFixture fixture) : InvoicedBillingTests<SqliteFixture>(fixture);

public sealed class InvoicedBillingOnPostgres(PostgresFixture fixture) : InvoicedBillingTests<PostgresFixture>(fixture);
public sealed class InvoicedBillingOnSqlServer(SqlServerFixture fixture) : InvoicedBillingTests<SqlServerFixture>(fixture);
