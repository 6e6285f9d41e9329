using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Tests.Architecture.Fixtures;

// Deliberate rule breakers: the rules are run on this assembly to prove they can fail.

/// <summary>Reaches into the Catalogue module's internals (breaks the module boundary).</summary>
internal static class ReachesIntoCatalogue
{
    public static string NameOf(Solution solution) => solution.Name;
}

/// <summary>Bypasses the tenant filter, keeps an ambient value and pools contexts.</summary>
internal static class ForbiddenCalls
{
    private static readonly AsyncLocal<Guid> AmbientTenant = new();

    public static IQueryable<LeakyRow> Everything(LeakyDbContext db) => db.Rows.IgnoreQueryFilters();

    public static void Pool(IServiceCollection services) =>
        services.AddDbContextPool<LeakyDbContext>(o => o.UseSqlite("Data Source=:memory:"));

    public static Guid Tenant => AmbientTenant.Value;
}

internal sealed class LeakyRow : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public string Code { get; set; } = "";
}

/// <summary>An entity that is neither tenant-owned, platform-owned nor cross-tenant.</summary>
internal sealed class Unclassified
{
    public int Id { get; set; }
}

/// <summary>A tenant-owned entity without the filter, keyed and indexed without TenantId.</summary>
internal sealed class LeakyDbContext(DbContextOptions<LeakyDbContext> options) : DbContext(options)
{
    public DbSet<LeakyRow> Rows => Set<LeakyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LeakyRow>().HasKey(r => r.Id);
        modelBuilder.Entity<LeakyRow>().HasIndex(r => r.Code).IsUnique();
        modelBuilder.Entity<Unclassified>();
    }
}

/// <summary>A tenant filter that compares with a constant, so one tenant's id is baked into every query.</summary>
internal sealed class ConstantFilterDbContext(DbContextOptions<ConstantFilterDbContext> options) : DbContext(options)
{
    private static readonly Guid OneTenant = Guid.NewGuid();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LeakyRow>().HasKey(r => new { r.TenantId, r.Id });
        modelBuilder.Entity<LeakyRow>().HasQueryFilter(TenantDbContext.TenantFilter, r => r.TenantId == OneTenant);
    }
}

/// <summary>An endpoint that saves through the context itself instead of the module's service.</summary>
internal static class RuleBreakingEndpoints
{
    public static async Task<int> Rename(LeakyDbContext db, Guid id)
    {
        var row = await db.Rows.SingleAsync(r => r.Id == id);
        row.Code = "renamed";
        return await db.SaveChangesAsync();
    }

    public static Func<LeakyDbContext, Task<int>> Purge => db => db.Rows.ExecuteDeleteAsync();
}

/// <summary>Publishes an event that a reader (below) misreads.</summary>
[NucleusCloud.Modules.Abstractions.Messaging.IntegrationEvent("fixtures.thing-happened")]
internal sealed record ThingHappened(Guid TenantId, Guid ThingId) : NucleusCloud.Modules.Abstractions.Messaging.IIntegrationEvent;

/// <summary>Reads the thing's id as text and a field nobody sends.</summary>
[NucleusCloud.Modules.Abstractions.Messaging.IntegrationEvent("fixtures.thing-happened")]
internal sealed record ThingHappenedMisread(Guid TenantId, string ThingId, int Count);

/// <summary>Sends to a space's group straight through the hub context, around the live dispatcher's checks.</summary>
internal sealed class HubShortcut(Microsoft.AspNetCore.SignalR.IHubContext<Microsoft.AspNetCore.SignalR.Hub> hub)
{
    public Task ShoutAsync(string space) => hub.Clients.Group(space).SendCoreAsync("shout", ["hello"]);
}
