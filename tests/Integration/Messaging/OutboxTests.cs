using System.Net;
using System.Net.Http.Json;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.Partners.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Messaging;

/// <summary>
/// The outbox under a crash: a host commits a partner's removal and dies before delivering the event; the
/// next host delivers it, each module's handler acts once, and a second delivery (a crash after handling,
/// before marking) changes nothing. This process itself never delivers (<c>Outbox:Enabled=false</c>).
/// </summary>
public abstract class OutboxCrashTests<TFixture>(TFixture database) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : DatabaseFixture
{
    private readonly HostProcessGroup _hosts = new();

    [SkippableFact]
    public async Task An_event_committed_by_a_host_that_dies_before_delivering_it_is_handled_once_after_a_restart()
    {
        var app = database.App;
        app.Settings["Outbox:Enabled"] = "false";
        var tenant = await app.NewTenantAsync();
        var admin = app.MemberOf(tenant);
        var partner = (await admin.CreatePartnerAsync(tenant, "Departing vendor", "ItVendor"))["id"]!.GetValue<string>();
        var solution = await CreateProvidedAsync(admin, tenant, partner);
        var guest = $"guest-{Guid.NewGuid():N}@vendor.example";
        await AcceptedGuestAsync(app, admin, tenant, partner, guest);

        var settings = new Dictionary<string, string>(TestDatabaseRoles.HostSettings(database.Provider, database.ConnectionString))
        {
            ["Demo:Seed"] = "false",
            ["Storage:Root"] = app.StorageRoot,
            ["Outbox:Enabled"] = "false",
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
        var doomed = await _hosts.StartAsync(settings);
        var removed = await (await doomed.SignedInAsync(app, tenant)).DeleteAsync($"/api/{tenant.Slug}/partners/{partner}");
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await removed.Content.ReadAsStringAsync());
        await doomed.DisposeAsync(); // killed: the change is committed, its event not delivered

        var pending = await EventOfAsync(app, partner);
        pending.DispatchedAt.ShouldBeNull();
        (await InboxAsync(app, tenant, pending.Id)).ShouldBeEmpty();
        (await admin.GetStringAsync($"/api/{tenant.Slug}/identity/members")).ShouldContain(guest, customMessage: "nothing was handled before the crash");

        settings["Outbox:Enabled"] = "true";
        await _hosts.StartAsync(settings);
        var delivered = await Eventually.Until(() => EventOfAsync(app, partner), m => m.DispatchedAt is not null, "delivered after the restart");
        delivered.Attempts.ShouldBe(1);
        (await InboxAsync(app, tenant, pending.Id)).ShouldBe(["NucleusCloud.Modules.Catalogue.Proposals.PartnerProviderRemoval", "NucleusCloud.Modules.Identity.Memberships.PartnerGuestsRemoval"]);
        (await admin.GetStringAsync($"/api/{tenant.Slug}/identity/members")).ShouldNotContain(guest);
        var unlinked = (await admin.GetFromJsonAsync<SolutionDetails>($"/api/{tenant.Slug}/catalogue/solutions/{solution.Id}", Api.Json))!;
        unlinked.ProviderPartnerIds.ShouldBeEmpty();
        unlinked.Version.ShouldBe(solution.Version + 1);

        // A host that handled the event and died before marking it: the event comes again, and the inboxes turn it away.
        await using (var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreatePlatformScope())
        {
            await scope.ServiceProvider.GetRequiredService<PartnersDbContext>().Outbox.Where(m => m.Id == pending.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.DispatchedAt, (DateTimeOffset?)null));
        }

        var again = await Eventually.Until(() => EventOfAsync(app, partner), m => m.DispatchedAt is not null, "delivered a second time");
        again.Attempts.ShouldBe(2);
        again.LastError.ShouldBeNull();
        (await InboxAsync(app, tenant, pending.Id)).Count.ShouldBe(2);
        (await admin.GetFromJsonAsync<SolutionDetails>($"/api/{tenant.Slug}/catalogue/solutions/{solution.Id}", Api.Json))!.Version.ShouldBe(unlinked.Version);
    }

    private static async Task<SolutionDetails> CreateProvidedAsync(HttpClient admin, TenantInfo tenant, string partner)
    {
        var response = await admin.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", new { name = "Provided registry", summary = "Provided", providerPartnerIds = new[] { partner } }, Api.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SolutionDetails>(Api.Json))!;
    }

    private static async Task AcceptedGuestAsync(NucleusApp app, HttpClient admin, TenantInfo tenant, string partner, string email)
    {
        await app.NewUserAsync(email: email);
        (await admin.PostAsJsonAsync($"/api/{tenant.Slug}/partners/{partner}/guests", new { email }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var token = HttpUtility.ParseQueryString(new Uri(SmtpSink.LinkIn(await app.Mail.WaitForAsync(email))).Query)["token"];
        (await app.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = tenant.Slug, token }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<OutboxMessage> EventOfAsync(NucleusApp app, string partner)
    {
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreatePlatformScope();
        return await scope.ServiceProvider.GetRequiredService<PartnersDbContext>().Outbox.AsNoTracking()
            .SingleAsync(m => m.Type == PartnerRemoved.Name && m.Payload.Contains(partner));
    }

    /// <summary>The handlers that recorded the event, across the modules that hear it.</summary>
    private static async Task<List<string>> InboxAsync(NucleusApp app, TenantInfo tenant, Guid eventId)
    {
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var services = scope.ServiceProvider;
        List<string> handlers =
        [
            .. await services.GetRequiredService<AccessDbContext>().Inbox.Where(e => e.EventId == eventId).Select(e => e.Handler).ToListAsync(),
            .. await services.GetRequiredService<CatalogueDbContext>().Inbox.Where(e => e.EventId == eventId).Select(e => e.Handler).ToListAsync(),
        ];
        return [.. handlers.Order(StringComparer.Ordinal)];
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _hosts.DisposeAsync().AsTask();
}

public sealed class OutboxCrashOnSqlite(SqliteFixture database) : OutboxCrashTests<SqliteFixture>(database);

public sealed class OutboxCrashOnPostgres(PostgresFixture database) : OutboxCrashTests<PostgresFixture>(database);

public sealed class OutboxCrashOnSqlServer(SqlServerFixture database) : OutboxCrashTests<SqlServerFixture>(database);
