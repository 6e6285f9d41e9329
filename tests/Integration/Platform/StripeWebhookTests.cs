using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Platform;

/// <summary>
/// Stripe's webhooks, signed by Stripe's own Node library: accepted with either configured secret, refused (400) when
/// unsigned, tampered, stale or signed with another secret; each event applied once however often and however
/// concurrently it arrives, in the order of the events' own timestamps.
/// </summary>
public abstract class StripeWebhookTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : DatabaseFixture
{
    private const string Secret = "whsec_test_current_0123456789";
    private const string RotatedSecret = "whsec_test_previous_9876543210";
    private const string Url = "/api/platform/billing/stripe/webhook";
    private NucleusApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await fixture.OwnAppAsync();
        _app.Settings["Billing:Stripe:WebhookSecrets:0"] = Secret;
        _app.Settings["Billing:Stripe:WebhookSecrets:1"] = RotatedSecret;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [SkippableFact]
    public async Task Signed_events_drive_a_tenants_billing_in_the_order_they_happened_and_forged_ones_are_refused()
    {
        var unavailable = NodeScenarios.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var tenant = await _app.NewTenantAsync();
        var other = await _app.NewTenantAsync();
        var admin = _app.PlatformAdmin();
        var anonymous = _app.Anonymous();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds();

        var failed = Invoice("invoice.payment_failed", tenant, t0);
        (await DeliverAsync(anonymous, failed, await SignAsync(failed, Secret)))["outcome"]!.GetValue<string>().ShouldBe("applied");
        var pastDue = await StateAsync(admin, tenant);
        pastDue["standing"]!.GetValue<string>().ShouldBe("PastDue");
        pastDue["graceEndsAt"]!.GetValue<DateTimeOffset>().ShouldBe(DateTimeOffset.FromUnixTimeSeconds(t0).AddDays(14));
        pastDue["readOnly"]!.GetValue<bool>().ShouldBeFalse("in its grace period");

        // Paid a minute later, with the rotated secret; a failure that happened before it arrives afterwards and changes nothing.
        var paid = Invoice("invoice.paid", tenant, t0 + 60);
        await DeliverAsync(anonymous, paid, await SignAsync(paid, RotatedSecret));
        var late = Invoice("invoice.payment_failed", tenant, t0 + 30);
        (await DeliverAsync(anonymous, late, await SignAsync(late, Secret)))["outcome"]!.GetValue<string>().ShouldBe("older than the state held");
        var active = await StateAsync(admin, tenant);
        active["standing"]!.GetValue<string>().ShouldBe("Active");
        active["graceEndsAt"].ShouldBeNull();
        active["customerId"]!.GetValue<string>().ShouldBe($"cus_{tenant.Slug}");

        // The subscription ends: read-only. Another tenant's billing never moved.
        var deleted = Event("customer.subscription.deleted", t0 + 120, new JsonObject
        {
            ["id"] = $"sub_{tenant.Slug}", ["object"] = "subscription", ["customer"] = $"cus_{tenant.Slug}", ["status"] = "canceled",
            ["metadata"] = new JsonObject { ["tenant_id"] = tenant.Id.ToString() },
        });
        await DeliverAsync(anonymous, deleted, await SignAsync(deleted, Secret));
        var ended = await StateAsync(admin, tenant);
        (ended["standing"]!.GetValue<string>(), ended["readOnly"]!.GetValue<bool>(), ended["subscriptionId"]!.GetValue<string>()).ShouldBe(("Canceled", true, $"sub_{tenant.Slug}"));
        await (await admin.GetAsync($"/api/platform/billing/tenants/{other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _app.MemberOf(tenant).GetAsync($"/api/platform/billing/tenants/{tenant.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Forgeries: unsigned, tampered after signing, signed with another secret, or stale (a capture replayed after 300 s).
        var forged = Invoice("invoice.paid", other, t0 + 200);
        var signature = await SignAsync(forged, Secret);
        await (await PostAsync(anonymous, forged, signature: null)).ShouldBeValidationProblemAsync("Stripe-Signature");
        await (await PostAsync(anonymous, forged.Replace(other.Id.ToString(), tenant.Id.ToString(), StringComparison.Ordinal), signature)).ShouldBeValidationProblemAsync("Stripe-Signature");
        await (await PostAsync(anonymous, forged, await SignAsync(forged, "whsec_someone_else"))).ShouldBeValidationProblemAsync("Stripe-Signature");
        await (await PostAsync(anonymous, forged, await SignAsync(forged, Secret, DateTimeOffset.UtcNow.AddSeconds(-301).ToUnixTimeSeconds()))).ShouldBeValidationProblemAsync("Stripe-Signature");
        await (await PostAsync(anonymous, forged, "t=1,v1=00")).ShouldBeValidationProblemAsync("Stripe-Signature");
        await (await admin.GetAsync($"/api/platform/billing/tenants/{other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound); // nothing applied from a forgery
    }

    [SkippableFact]
    public async Task The_same_event_delivered_a_hundred_times_and_ten_at_once_changes_the_state_once()
    {
        var unavailable = NodeScenarios.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var tenant = await _app.NewTenantAsync();
        var admin = _app.PlatformAdmin();
        var anonymous = _app.Anonymous();
        var failed = Invoice("invoice.payment_failed", tenant, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds());
        var signature = await SignAsync(failed, Secret);

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(anonymous, failed, signature)));
        concurrent.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        for (var i = 0; i < 90; i++)
        {
            (await PostAsync(anonymous, failed, signature)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var outcomes = await Task.WhenAll(concurrent.Select(async r => JsonNode.Parse(await r.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>()));
        outcomes.Count(o => o == "applied").ShouldBe(1, string.Join(", ", outcomes));
        var state = await StateAsync(admin, tenant);
        state["standing"]!.GetValue<string>().ShouldBe("PastDue");
        await using var scope = _app.Services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<NucleusCloud.Modules.Platform.Data.PlatformDbContext>();
        (await platform.Billing.SingleAsync(b => b.TenantId == tenant.Id)).Version.ShouldBe(1, "one change for one event");
        (await platform.StripeEvents.CountAsync(e => e.TenantId == tenant.Id)).ShouldBe(1, "one record of the event");
    }

    [SkippableFact]
    public async Task The_running_host_configured_by_environment_variable_accepts_a_signed_invoice_and_refuses_forgeries()
    {
        var unavailable = NodeScenarios.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var connection = await fixture.CreateEmptyDatabaseAsync();
        await using var inspector = new NucleusApp(fixture.Provider, connection); // creates the tenant and reads the result
        var tenant = await inspector.NewTenantAsync();
        var settings = new Dictionary<string, string>(TestDatabaseRoles.HostSettings(fixture.Provider, connection))
        {
            ["Demo:Seed"] = "false",
            ["Storage:Root"] = inspector.StorageRoot,
            ["Billing__Stripe__WebhookSecrets__0"] = Secret, // the environment variable exactly as a deployment sets it
        };
        await using var host = await HostProcess.StartAsync(settings);
        using var anonymous = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var failed = Invoice("invoice.payment_failed", tenant, DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds());
        await DeliverAsync(anonymous, failed, await SignAsync(failed, Secret));
        var paid = Invoice("invoice.paid", tenant, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds());
        var signature = await SignAsync(paid, Secret);

        // Four forgeries of that invoice first: none may move the tenant out of PastDue.
        await (await PostAsync(anonymous, paid, signature: null)).ShouldBeValidationProblemAsync("Stripe-Signature");
        await (await PostAsync(anonymous, paid.Replace("49900", "1", StringComparison.Ordinal), signature)).ShouldBeValidationProblemAsync("Stripe-Signature");
        await (await PostAsync(anonymous, paid, await SignAsync(paid, Secret, DateTimeOffset.UtcNow.AddSeconds(-301).ToUnixTimeSeconds()))).ShouldBeValidationProblemAsync("Stripe-Signature");
        await (await PostAsync(anonymous, paid, await SignAsync(paid, RotatedSecret))).ShouldBeValidationProblemAsync("Stripe-Signature"); // not configured on this host
        (await StateAsync(inspector.PlatformAdmin(), tenant))["standing"]!.GetValue<string>().ShouldBe("PastDue");

        (await DeliverAsync(anonymous, paid, signature))["outcome"]!.GetValue<string>().ShouldBe("applied");
        (await StateAsync(inspector.PlatformAdmin(), tenant))["standing"]!.GetValue<string>().ShouldBe("Active");
    }

    private static string Invoice(string type, TenantInfo tenant, long created) => Event(type, created, new JsonObject
    {
        ["id"] = $"in_{Guid.NewGuid():N}", ["object"] = "invoice", ["customer"] = $"cus_{tenant.Slug}", ["currency"] = "eur", ["amount_due"] = 49900,
        ["metadata"] = new JsonObject { ["tenant_id"] = tenant.Id.ToString() },
    });

    private static string Event(string type, long created, JsonObject data) => new JsonObject
    {
        ["id"] = $"evt_{Guid.NewGuid():N}", ["object"] = "event", ["api_version"] = "2025-10-29.clover", ["created"] = created, ["livemode"] = false,
        ["pending_webhooks"] = 1, ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null }, ["type"] = type,
        ["data"] = new JsonObject { ["object"] = data },
    }.ToJsonString();

    private static async Task<string> SignAsync(string payload, string secret, long? timestamp = null) =>
        (await NodeScenarios.RunAsync("stripe-signatures.mjs", "sign", new { deliveries = new[] { new { payload, secret, timestamp } } }))["headers"]![0]!.GetValue<string>();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return client.SendAsync(request);
    }

    private static async Task<JsonObject> DeliverAsync(HttpClient client, string payload, string signature)
    {
        var response = await PostAsync(client, payload, signature);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static async Task<JsonObject> StateAsync(HttpClient admin, TenantInfo tenant)
    {
        var response = await admin.GetAsync($"/api/platform/billing/tenants/{tenant.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}

public sealed class StripeWebhooksOnSqlite(SqliteFixture fixture) : StripeWebhookTests<SqliteFixture>(fixture);

public sealed class StripeWebhooksOnPostgres(PostgresFixture fixture) : StripeWebhookTests<PostgresFixture>(fixture);
public sealed class StripeWebhooksOnSqlServer(SqlServerFixture fixture) : StripeWebhookTests<SqlServerFixture>(fixture);
