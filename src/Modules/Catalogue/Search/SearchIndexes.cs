using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Catalogue.Search;

/// <summary><c>Catalogue:Search</c>: how this host keeps its search indexes.</summary>
internal sealed class SearchIndexOptions
{
    /// <summary>How long an index is trusted before the next search compares its stamp with the database's: what another host's write waits at most.</summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most solutions this host keeps indexed, over all tenants; past it, the least recently searched tenants' indexes are dropped.</summary>
    public int Capacity { get; set; } = 300_000;

    /// <summary>An index nobody searched for this long is dropped, so what another host deleted leaves this one's memory too.</summary>
    public TimeSpan DropAfterIdle { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// This host's search index of each tenant (<see cref="SearchIndex"/>), built on the tenant's first search and rebuilt when its
/// <see cref="SearchStamp"/> changes: at once for a write through this host (<see cref="SearchStamping"/>), within
/// <see cref="SearchIndexOptions.RecheckAfter"/> for a write through another. Memory is bounded by <see cref="SearchIndexOptions.Capacity"/>.
/// </summary>
internal sealed class SearchIndexes(IOptions<SearchIndexOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Slot> _slots = new();

    public async Task<SearchIndex> GetAsync(CatalogueDbContext db, TenantInfo tenant, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(tenant.Id, _ => new Slot());
        var now = clock.GetTimestamp();
        slot.LastSearched = now;
        if (Current(slot, tenant, now) is { } current)
        {
            return current;
        }

        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (Current(slot, tenant, now) is { } rebuilt)
            {
                return rebuilt;
            }

            // The stamp first, then the rows: a write between the two gives an index newer than its stamp, rebuilt once more, never an older one.
            var stamp = await Stamp(db).FirstOrDefaultAsync(cancellationToken);
            var madeNow = false;
            if (stamp is null)
            {
                (stamp, madeNow) = (await MakeStampAsync(db, tenant.Id, cancellationToken), true);
            }

            var generation = slot.Generation;
            if (slot.Index is { } known && known.Stamp == stamp && known.Language == tenant.DefaultLanguage)
            {
                slot.CheckedAt = now;
                return known;
            }

            // A write in flight while the stamp was made did not change it: an index built now is read again once, after RecheckAfter.
            var index = SearchIndex.Build(madeNow ? Guid.Empty : stamp, tenant.DefaultLanguage, await Sources(db).ToListAsync(cancellationToken));
            // A write through this host while building: this search answers from what it read, the next one rebuilds.
            if (slot.Generation == generation)
            {
                slot.CheckedAt = now;
                slot.Index = index;
            }

            Trim(tenant.Id);
            return index;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>A write to the tenant's catalogue through this host: its index is dropped (a deleted solution leaves memory at once) and rebuilt on the next search.</summary>
    public void Invalidate(Guid tenantId)
    {
        if (_slots.TryGetValue(tenantId, out var slot))
        {
            Interlocked.Increment(ref slot.Generation);
            slot.CheckedAt = long.MinValue;
            slot.Index = null;
        }
    }

    /// <summary>Drops the indexes nobody searched for <see cref="SearchIndexOptions.DropAfterIdle"/> (run by <see cref="SearchIndexSweep"/>).</summary>
    public void DropIdle()
    {
        var now = clock.GetTimestamp();
        foreach (var (tenantId, slot) in _slots)
        {
            if (clock.GetElapsedTime(slot.LastSearched, now) >= options.Value.DropAfterIdle)
            {
                _slots.TryRemove(tenantId, out _);
            }
        }
    }

    /// <summary>The solutions held in memory now, over all tenants.</summary>
    public int Held => _slots.Values.Sum(s => s.Index?.Solutions.Count ?? 0);

    private SearchIndex? Current(Slot slot, TenantInfo tenant, long now) =>
        slot.Index is { } index && index.Language == tenant.DefaultLanguage
        && slot.CheckedAt != long.MinValue && clock.GetElapsedTime(slot.CheckedAt, now) < options.Value.RecheckAfter
            ? index
            : null;

    private void Trim(Guid keep)
    {
        var held = Held;
        foreach (var (tenantId, slot) in _slots.OrderBy(s => s.Value.LastSearched).ToList())
        {
            if (held <= options.Value.Capacity)
            {
                return;
            }

            if (tenantId != keep && slot.Index is { } index)
            {
                held -= index.Solutions.Count;
                slot.Index = null;
            }
        }
    }

    /// <summary>The tenant's stamp (none until onboarding or its first index made it).</summary>
    internal static IQueryable<Guid?> Stamp(CatalogueDbContext db) => db.SearchStamps.AsNoTracking().Select(s => (Guid?)s.Value);

    /// <summary>Makes the tenant's stamp; if another host made it first, reads theirs.</summary>
    private static async Task<Guid?> MakeStampAsync(CatalogueDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        var stamp = new SearchStamp { TenantId = tenantId, Value = Guid.NewGuid() };
        db.SearchStamps.Add(stamp);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return stamp.Value;
        }
        catch (DbUpdateException)
        {
            return await Stamp(db).FirstOrDefaultAsync(cancellationToken);
        }
        finally
        {
            db.Entry(stamp).State = EntityState.Detached;
        }
    }

    /// <summary>What the index reads of the tenant's solutions.</summary>
    internal static IQueryable<SearchSource> Sources(CatalogueDbContext db) =>
        db.Solutions.AsNoTracking().OrderBy(s => s.Id).Select(s => new SearchSource(
            new IndexedSolution(s.Id, s.Slug, s.Name, s.Summary, s.Status, s.Maturity, s.Licence, s.UpdatedAt,
                s.BuildingBlocks, s.Sectors, s.Sdgs, s.Offerings, s.DeploymentCountries, s.DevelopmentCountries),
            s.Description, s.CaseStudyText));

    // A SemaphoreSlim holds no kernel handle unless its AvailableWaitHandle is read, and a dropped slot may still be awaited by a search.
#pragma warning disable CA1001
    private sealed class Slot
#pragma warning restore CA1001
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public volatile SearchIndex? Index;
        public long CheckedAt = long.MinValue;
        public long LastSearched;
        public int Generation;
    }
}

/// <summary>Every minute, drops the search indexes nobody used for a while (<see cref="SearchIndexOptions.DropAfterIdle"/>).</summary>
internal sealed class SearchIndexSweep(SearchIndexes indexes, TimeProvider clock) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            indexes.DropIdle();
        }
    }
}

/// <summary>A write through another host evicted the tenant's showcase: this host's index of it is dropped before the pages are.</summary>
internal sealed class SearchIndexRecheck(SearchIndexes indexes) : IShowcaseChangedElsewhere
{
    public void Changed(Guid tenantId) => indexes.Invalidate(tenantId);
}
