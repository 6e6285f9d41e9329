using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Audit;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.Data;

/// <summary>The audit logs: one chain per tenant (tenant-owned) and one for the platform.</summary>
internal abstract class AuditDbContext(DbContextOptions options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public const string Schema = "audit";

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    public DbSet<AuditChainHead> Heads => Set<AuditChainHead>();

    public DbSet<PlatformAuditEntry> PlatformEntries => Set<PlatformAuditEntry>();

    public DbSet<PlatformAuditChainHead> PlatformHeads => Set<PlatformAuditChainHead>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("entries");
            entry.HasKey(e => new { e.TenantId, e.Sequence });
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.HasIndex(e => new { e.TenantId, e.At });
            Configure(entry);
        });
        modelBuilder.Entity<AuditChainHead>(head =>
        {
            head.ToTable("chain_heads");
            head.HasKey(h => h.TenantId);
            head.Property(h => h.LastSequence).IsConcurrencyToken();
            head.Property(h => h.LastHash).HasMaxLength(64);
        });
        modelBuilder.Entity<PlatformAuditEntry>(entry =>
        {
            entry.ToTable("platform_entries");
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.HasIndex(e => e.At);
            Configure(entry);
        });
        modelBuilder.Entity<PlatformAuditChainHead>(head =>
        {
            head.ToTable("platform_chain_head");
            head.HasKey(h => h.Id);
            head.Property(h => h.Id).ValueGeneratedNever();
            head.Property(h => h.LastSequence).IsConcurrencyToken();
            head.Property(h => h.LastHash).HasMaxLength(64);
        });
        base.OnModelCreating(modelBuilder);
    }

    private static void Configure<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> entry)
        where T : class, IChainedEntry
    {
        entry.Property(e => e.Actor).HasMaxLength(200);
        entry.Property(e => e.IpAddress).HasMaxLength(64);
        entry.Property(e => e.Action).HasMaxLength(100);
        entry.Property(e => e.EntityType).HasMaxLength(100);
        entry.Property(e => e.EntityId).HasMaxLength(200);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
    }
}

internal sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options, ITenantContext tenant) : AuditDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options, ITenantContext tenant) : AuditDbContext(options, tenant);

internal sealed class SqlServerAuditDbContext(DbContextOptions<SqlServerAuditDbContext> options, ITenantContext tenant) : AuditDbContext(options, tenant);
