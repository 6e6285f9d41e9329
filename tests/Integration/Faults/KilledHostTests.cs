using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Faults;

/// <summary>
/// <c>kill -9</c> of a Host in the middle of a burst of writes. After a restart every write it acknowledged is there as sent; every
/// enquiry stored, acknowledged or not, is whole (its event is in the outbox, and no event names an enquiry that is not); the
/// SQLite file passes its integrity check; and every committed event is delivered by the host that follows.
/// </summary>
public abstract class KilledHostTests<TFixture>(TFixture database) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : DatabaseFixture
{
    private const int Writers = 8;
    private const int AcknowledgedBeforeTheKill = 60;
    private const string Marker = "burst-";
    private readonly HostProcessGroup _hosts = new();

    [SkippableFact]
    public async Task A_host_killed_during_a_burst_of_writes_loses_no_acknowledged_write_and_leaves_none_half_written()
    {
        var app = database.App;
        app.Settings["Outbox:Enabled"] = "false"; // only the host processes deliver
        var tenant = await app.NewTenantAsync();
        var settings = new Dictionary<string, string>(TestDatabaseRoles.HostSettings(database.Provider, database.ConnectionString))
        {
            ["Demo:Seed"] = "false",
            ["Storage:Root"] = app.StorageRoot,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:Lease"] = "00:00:03", // what the killed host claimed is free again soon
        };

        var doomed = await _hosts.StartAsync(settings);
        var client = await doomed.SignedInAsync(app, tenant);
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var attempts = 0;
        var cutOff = 0;

        async Task WriteUntilTheHostDiesAsync()
        {
            while (true)
            {
                var subject = $"{Marker}{Interlocked.Increment(ref attempts)}";
                HttpResponseMessage response;
                try
                {
                    response = await client.PostAsJsonAsync($"/api/{tenant.Slug}/crm/enquiries",
                        new { contactName = "Burst", contactEmail = "burst@example.org", subject, message = $"Written as {subject}." });
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref cutOff); // in flight or refused when the host died: stored or not, never half
                    return;
                }

                response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
                var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
                acknowledged[id] = subject;
            }
        }

        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteUntilTheHostDiesAsync)).ToArray();
        await Eventually.Until(() => Task.FromResult(acknowledged.Count), n => n >= AcknowledgedBeforeTheKill, "the burst is under way");
        await doomed.DisposeAsync(); // SIGKILL, writers still sending
        await Task.WhenAll(writers);
        cutOff.ShouldBe(Writers);

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            (await IntegrityCheckAsync(database.ConnectionString)).ShouldBe("ok");
        }

        await _hosts.StartAsync(settings);
        var (stored, events) = await EnquiriesAndEventsAsync(app, tenant);
        foreach (var (id, subject) in acknowledged)
        {
            stored.ShouldContainKey(id, $"acknowledged write {subject} is lost");
            stored[id].ShouldBe(subject);
        }

        events.Select(e => e.EnquiryId).Order().ShouldBe(stored.Keys.Order(), "each stored enquiry has its one event, and no event is left without its enquiry");

        var undelivered = await Eventually.Until(() => UndeliveredAsync(app, tenant), n => n == 0, "every committed event delivered by the host that followed");
        undelivered.ShouldBe(0);
    }

    private static async Task<(Dictionary<Guid, string> Stored, List<EnquiryChanged> Events)> EnquiriesAndEventsAsync(NucleusApp app, TenantInfo tenant)
    {
        Dictionary<Guid, string> stored;
        await using (var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant))
        {
            stored = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Enquiries.AsNoTracking()
                .Where(e => e.Subject.StartsWith(Marker)).ToDictionaryAsync(e => e.Id, e => e.Subject);
        }

        var payloads = await FromOutboxAsync(app, tenant, events => events.Select(m => m.Payload).ToListAsync());
        return (stored, [.. payloads.Select(p => JsonSerializer.Deserialize<EnquiryChanged>(p, IntegrationEvents.Json)!)]);
    }

    private static Task<int> UndeliveredAsync(NucleusApp app, TenantInfo tenant) =>
        FromOutboxAsync(app, tenant, events => events.CountAsync(m => m.DispatchedAt == null));

    /// <summary>Reads the tenant's enquiry events; outboxes are the dispatcher's, read on the platform's connection.</summary>
    private static async Task<T> FromOutboxAsync<T>(NucleusApp app, TenantInfo tenant, Func<IQueryable<OutboxMessage>, Task<T>> read)
    {
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreatePlatformScope();
        return await read(scope.ServiceProvider.GetRequiredService<CrmDbContext>().Outbox.AsNoTracking()
            .Where(m => m.TenantId == tenant.Id && m.Type == EnquiryChanged.Name));
    }

    private static async Task<string> IntegrityCheckAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _hosts.DisposeAsync().AsTask();
}

[Collection(FaultsCollection.Name)]
public sealed class KilledHostOnSqlite(SqliteFixture database) : KilledHostTests<SqliteFixture>(database);

[Collection(FaultsCollection.Name)]
public sealed class KilledHostOnPostgres(PostgresFixture database) : KilledHostTests<PostgresFixture>(database);

[Collection(FaultsCollection.Name)]
public sealed class KilledHostOnSqlServer(SqlServerFixture database) : KilledHostTests<SqlServerFixture>(database);
