using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Platform;

/// <summary>
/// Subscribing through Stripe.net, against a local server standing in for Stripe's API: the exact requests (paths, form
/// fields, the secret key, an idempotency key on every create), the customer made once per tenant, owners only.
/// </summary>
public abstract class StripeCheckoutTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : DatabaseFixture
{
    private readonly LocalStripe _stripe = new();
    private NucleusApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await fixture.OwnAppAsync();
        _stripe.Serve(_app, ("standard", "price_standard_2026"), ("premium", "price_premium_2026"), ("legacy", "price_archived"));
        _app.Settings["Mail:PublicUrl"] = "https://nucleus.example";
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _stripe.Dispose();
    }

    [SkippableFact]
    public async Task An_owner_checks_out_and_opens_the_portal_with_the_exact_requests_stripe_expects()
    {
        var tenant = await _app.NewTenantAsync();
        var owner = _app.MemberOf(TenantRole.Owner, tenant);
        var url = $"/api/{tenant.Slug}/billing";
        await (await owner.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var request = new HttpRequestMessage(HttpMethod.Post, $"{url}/checkout") { Content = JsonContent.Create(new { plan = "standard" }) };
        request.Headers.Add("Idempotency-Key", "first-click");
        var checkout = await owner.SendAsync(request).OkAsync();
        checkout["url"]!.GetValue<string>().ShouldStartWith("https://checkout.stripe.com/c/pay/cs_test_");

        var sent = _stripe.Requests.ToList();
        sent.Select(r => (r.Method, r.Path)).ShouldBe([("POST", "/v1/customers"), ("POST", "/v1/checkout/sessions")]);
        sent.ShouldAllBe(r => r.Authorization == "Bearer sk_test_local_only");
        var customer = sent[0];
        customer.IdempotencyKey.ShouldBe($"nucleus-customer-{tenant.Id}");
        customer.Form["name"].ShouldBe(tenant.Name);
        customer.Form["metadata[tenant_id]"].ShouldBe(tenant.Id.ToString());
        var session = sent[1];
        session.IdempotencyKey.ShouldBe($"nucleus-checkout-{tenant.Id}-standard-first-click");
        session.Form.ShouldBe(new Dictionary<string, string>
        {
            ["mode"] = "subscription",
            ["customer"] = "cus_local_1",
            ["client_reference_id"] = tenant.Id.ToString(),
            ["line_items[0][price]"] = "price_standard_2026",
            ["line_items[0][quantity]"] = "1",
            ["subscription_data[metadata][tenant_id]"] = tenant.Id.ToString(),
            ["subscription_data[metadata][plan]"] = "standard",
            ["metadata[tenant_id]"] = tenant.Id.ToString(),
            ["metadata[plan]"] = "standard",
            ["success_url"] = $"https://nucleus.example/{tenant.Slug}/billing?checkout=done",
            ["cancel_url"] = $"https://nucleus.example/{tenant.Slug}/billing?checkout=cancelled",
        }, ignoreOrder: true);

        // The customer is made once per tenant; another checkout only makes a session, with a key of its own.
        await owner.PostAsJsonAsync($"{url}/checkout", new { plan = "premium" }).OkAsync();
        var again = _stripe.Requests.Skip(2).ToList();
        again.Select(r => r.Path).ShouldBe(["/v1/checkout/sessions"]);
        again[0].Form["line_items[0][price]"].ShouldBe("price_premium_2026");
        again[0].IdempotencyKey.ShouldNotBeNull().ShouldStartWith($"nucleus-checkout-{tenant.Id}-premium-");

        var portal = await owner.PostAsJsonAsync($"{url}/portal", new { }).OkAsync();
        portal["url"]!.GetValue<string>().ShouldStartWith("https://billing.stripe.com/p/session/");
        var portalRequest = _stripe.Requests.Last();
        (portalRequest.Path, portalRequest.Form["customer"], portalRequest.Form["return_url"]).ShouldBe(("/v1/billing_portal/sessions", "cus_local_1", $"https://nucleus.example/{tenant.Slug}/billing"));
        portalRequest.IdempotencyKey.ShouldNotBeNull().ShouldStartWith($"nucleus-portal-{tenant.Id}-");
        (await owner.GetAsync(url).OkAsync())["customerId"]!.GetValue<string>().ShouldBe("cus_local_1");

        // What Stripe refuses comes back as a 502 in Stripe's own words, not as our failure.
        var upstream = await (await owner.PostAsJsonAsync($"{url}/checkout", new { plan = "legacy" })).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
        upstream["detail"]!.GetValue<string>().ShouldContain("No such price: 'price_archived'");
        upstream["detail"]!.GetValue<string>().ShouldNotContain("sk_test");

        // Only owners, of this tenant, for a plan the platform prices; nothing reaches Stripe otherwise.
        var before = _stripe.Requests.Count;
        await (await owner.PostAsJsonAsync($"{url}/checkout", new { plan = "gold" })).ShouldBeValidationProblemAsync("plan");
        await (await _app.MemberOf(TenantRole.Admin, tenant).PostAsJsonAsync($"{url}/checkout", new { plan = "standard" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var other = await _app.NewTenantAsync();
        await (await _app.MemberOf(TenantRole.Owner, other).PostAsJsonAsync($"{url}/checkout", new { plan = "standard" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await _app.MemberOf(TenantRole.Owner, other).PostAsJsonAsync($"/api/{other.Slug}/billing/portal", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        _stripe.Requests.Count.ShouldBe(before);

        // The billing page offers the priced plans, and the portal once there is a customer.
        var page = await owner.GetStringAsync($"/{tenant.Slug}/billing");
        page.ShouldContain("id=\"go-to-checkout\"");
        page.ShouldContain("<option value=\"premium\"");
        page.ShouldContain("<option value=\"legacy\"");
        page.ShouldContain("id=\"open-portal\"");
        (await _app.MemberOf(TenantRole.Viewer, tenant).GetAsync($"/{tenant.Slug}/billing")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class StripeCheckoutOnSqlite(SqliteFixture fixture) : StripeCheckoutTests<SqliteFixture>(fixture);

public sealed class StripeCheckoutOnPostgres(PostgresFixture fixture) : StripeCheckoutTests<PostgresFixture>(fixture);
public sealed class StripeCheckoutOnSqlServer(SqlServerFixture fixture) : StripeCheckoutTests<SqlServerFixture>(fixture);
