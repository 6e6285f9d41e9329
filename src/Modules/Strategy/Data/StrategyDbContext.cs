using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Strategy.Indicators;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Strategy.Data;

internal abstract class StrategyDbContext(DbContextOptions options, ITenantContext tenant) : TenantDbContext(options, tenant), IInboxContext
{
    public const string Schema = "strategy";

    public DbSet<IndicatorFact> Facts => Set<IndicatorFact>();

    public DbSet<IndicatorTarget> Targets => Set<IndicatorTarget>();

    public DbSet<InboxEntry> Inbox => Set<InboxEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddInbox();
        modelBuilder.Entity<IndicatorFact>(fact =>
        {
            fact.ToTable("indicator_facts");
            fact.HasKey(f => new { f.TenantId, f.Indicator, f.SourceId });
            // The sums of one year's figures.
            fact.HasIndex(f => new { f.TenantId, f.Year, f.Indicator });
            fact.Property(f => f.Indicator).HasMaxLength(50);
            fact.Property(f => f.Value).HasPrecision(18, 2);
        });
        modelBuilder.Entity<IndicatorTarget>(target =>
        {
            target.ToTable("indicator_targets");
            target.HasKey(t => new { t.TenantId, t.Indicator, t.Year });
            target.Property(t => t.Indicator).HasMaxLength(50);
            target.Property(t => t.Target).HasPrecision(18, 2);
        });

        // Last: the tenancy base adds the tenant filter to every tenant-owned entity configured above.
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqliteStrategyDbContext(DbContextOptions<SqliteStrategyDbContext> options, ITenantContext tenant) : StrategyDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresStrategyDbContext(DbContextOptions<PostgresStrategyDbContext> options, ITenantContext tenant) : StrategyDbContext(options, tenant);
