using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Partners.Data;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Messaging;

/// <summary>Two dispatchers (two hosts) draining one outbox at once: every message is claimed by exactly one of them.</summary>
public abstract class OutboxClaimTests<TFixture>(TFixture database) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [IntegrationEvent("tests.nobody-listens")]
    private sealed record Unheard(Guid TenantId, int Number) : IIntegrationEvent;

    [SkippableFact]
    public async Task Two_dispatchers_at_once_deliver_every_message_once()
    {
        var app = database.App;
        app.Settings["Outbox:Enabled"] = "false"; // only the two below
        var (a, b) = (await app.NewTenantAsync(), await app.NewTenantAsync());
        var scopes = app.Services.GetRequiredService<ITenantScopeFactory>();
        foreach (var tenant in new[] { a, b })
        {
            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
            db.Outbox.AddRange(Enumerable.Range(0, 150).Select(n => OutboxMessage.For(new Unheard(tenant.Id, n), DateTimeOffset.UtcNow)));
            await db.SaveChangesAsync();
        }

        // Deliveries are counted for the metrics, by module (other tests' partners deliveries may add to the count).
        long delivered = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Name: "nucleus.outbox.delivered", Meter.Name: "NucleusCloud" })
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (tags.ToArray().Contains(new KeyValuePair<string, object?>("module", "partners")))
            {
                Interlocked.Add(ref delivered, value);
            }
        });
        listener.Start();

        var dispatchers = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<OutboxDispatcher<PartnersDbContext>>(app.Services)).ToList();
        var claimed = await Task.WhenAll(dispatchers.Select(async dispatcher =>
        {
            var total = 0;
            for (int batch; (batch = await dispatcher.DispatchBatchAsync(CancellationToken.None)) > 0;)
            {
                total += batch;
            }

            return total;
        }));

        claimed.Sum().ShouldBe(300, $"claimed {claimed[0]} and {claimed[1]}");
        Interlocked.Read(ref delivered).ShouldBeGreaterThanOrEqualTo(300);
        await using var platform = scopes.CreatePlatformScope();
        var rows = await platform.ServiceProvider.GetRequiredService<PartnersDbContext>().Outbox.AsNoTracking().Where(m => m.Type == "tests.nobody-listens").ToListAsync();
        rows.Count.ShouldBe(300);
        rows.ShouldAllBe(m => m.DispatchedAt != null && m.Attempts == 1 && m.LockedBy == null);
        rows.Select(m => m.TenantId).Distinct().Order().ShouldBe(new[] { a.Id, b.Id }.Order());
    }
}

public sealed class OutboxClaimOnSqlite(SqliteFixture database) : OutboxClaimTests<SqliteFixture>(database);

public sealed class OutboxClaimOnPostgres(PostgresFixture database) : OutboxClaimTests<PostgresFixture>(database);

public sealed class OutboxClaimOnSqlServer(SqlServerFixture database) : OutboxClaimTests<SqlServerFixture>(database);
