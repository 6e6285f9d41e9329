using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Strategy.Indicators;
using NucleusCloud.Modules.Strategy.Plans;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Strategy.Data;

internal abstract class StrategyDbContext(DbContextOptions options, ITenantContext tenant) : TenantDbContext(options, tenant), IInboxContext
{
    public const string Schema = "strategy";

    public DbSet<IndicatorFact> Facts => Set<IndicatorFact>();

    public DbSet<IndicatorTarget> Targets => Set<IndicatorTarget>();

    public DbSet<ManualActual> ManualActuals => Set<ManualActual>();

    public DbSet<StrategyVision> Visions => Set<StrategyVision>();

    public DbSet<PlannedAction> Actions => Set<PlannedAction>();

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
            fact.Property(f => f.Weight).HasPrecision(18, 2);
            fact.Property(f => f.Currency).HasMaxLength(3);
        });
        modelBuilder.Entity<IndicatorTarget>(target =>
        {
            target.ToTable("indicator_targets");
            target.HasKey(t => new { t.TenantId, t.Indicator, t.Year });
            target.Property(t => t.Indicator).HasMaxLength(50);
            target.Property(t => t.Target).HasPrecision(18, 2);
        });
        modelBuilder.Entity<ManualActual>(actual =>
        {
            actual.ToTable("manual_actuals");
            actual.HasKey(m => new { m.TenantId, m.Indicator, m.Year });
            actual.Property(m => m.Indicator).HasMaxLength(50);
            actual.Property(m => m.Value).HasPrecision(18, 2);
            actual.Property(m => m.Note).HasMaxLength(500);
        });
        modelBuilder.Entity<StrategyVision>(vision =>
        {
            vision.ToTable("visions");
            vision.HasKey(v => v.TenantId);
            vision.Property(v => v.TenantId).ValueGeneratedNever();
            vision.Property(v => v.Statement).HasMaxLength(4_000);
            vision.Property(v => v.CollaborationAim).HasMaxLength(2_000);
            vision.Property(v => v.DiplomacyAim).HasMaxLength(2_000);
            vision.Property(v => v.ExportAim).HasMaxLength(2_000);
            vision.Property(v => v.ReportingCurrency).HasMaxLength(3);
            vision.Property(v => v.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<PlannedAction>(action =>
        {
            action.ToTable("planned_actions");
            action.HasKey(a => new { a.TenantId, a.Id });
            action.HasIndex(a => new { a.TenantId, a.Year, a.Aim });
            action.Property(a => a.Aim).HasConversion<string>().HasMaxLength(20);
            action.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            action.Property(a => a.Title).HasMaxLength(200);
            action.Property(a => a.Owner).HasMaxLength(200);
            action.Property(a => a.Budget).HasPrecision(18, 2);
            action.Property(a => a.Outputs).HasMaxLength(4_000);
            action.Property(a => a.Version).IsConcurrencyToken();
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

internal sealed class SqlServerStrategyDbContext(DbContextOptions<SqlServerStrategyDbContext> options, ITenantContext tenant) : StrategyDbContext(options, tenant);
