using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Platform.Billing;
using NucleusCloud.Modules.Platform.Onboarding;
using NucleusCloud.Modules.Platform.Export;
using NucleusCloud.Modules.Platform.Tenants;

namespace NucleusCloud.Modules.Platform.Data;

/// <summary>
/// Platform-owned tables (no tenant filter: nothing here belongs to a tenant), including the
/// data-protection key ring that every host shares, so a cookie or token issued by one host is
/// read by the others.
/// </summary>
internal abstract class PlatformDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Schema = "platform";

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<TenantBilling> Billing => Set<TenantBilling>();

    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();

    public DbSet<TenantOnboarding> Onboardings => Set<TenantOnboarding>();

    public DbSet<TenantExportRecord> Exports => Set<TenantExportRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.HasKey(t => t.Id);
            tenant.Property(t => t.Slug).HasMaxLength(63);
            tenant.HasIndex(t => t.Slug).IsUnique();
            tenant.Property(t => t.Name).HasMaxLength(200);
            tenant.Property(t => t.CountryCode).HasMaxLength(2);
            tenant.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            tenant.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            tenant.Property(t => t.DataPlacement).HasConversion<string>().HasMaxLength(20);
            tenant.Property(t => t.Plan).HasMaxLength(50).HasDefaultValue(Plans.PlanCatalogue.Unlimited);
            tenant.Property(t => t.DefaultLanguage).HasMaxLength(35).HasDefaultValue("en");
            tenant.Property(t => t.TimeZone).HasMaxLength(64).HasDefaultValue("UTC");
            tenant.HasMany(t => t.HostNames).WithOne().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.Entity<TenantBilling>(billing =>
        {
            billing.ToTable("tenant_billing");
            billing.HasKey(b => b.TenantId);
            billing.Property(b => b.TenantId).ValueGeneratedNever();
            billing.HasIndex(b => b.StripeCustomerId).IsUnique();
            billing.Property(b => b.StripeCustomerId).HasMaxLength(255);
            billing.Property(b => b.StripeSubscriptionId).HasMaxLength(255);
            billing.Property(b => b.Standing).HasConversion<string>().HasMaxLength(20);
            billing.Property(b => b.CollectionMethod).HasMaxLength(30).HasDefaultValue(Collection.Card);
            billing.Property(b => b.SponsorName).HasMaxLength(200);
            billing.Property(b => b.InvoiceEmail).HasMaxLength(256);
            billing.Property(b => b.Version).IsConcurrencyToken();
            billing.HasOne<Tenant>().WithOne().HasForeignKey<TenantBilling>(b => b.TenantId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StripeEventRecord>(record =>
        {
            record.ToTable("stripe_events");
            record.HasKey(e => e.Id);
            record.Property(e => e.Id).HasMaxLength(255);
            record.Property(e => e.Type).HasMaxLength(100);
            record.Property(e => e.Outcome).HasMaxLength(100);
            record.HasIndex(e => e.ReceivedAt);
        });
        modelBuilder.Entity<TenantOnboarding>(onboarding =>
        {
            onboarding.ToTable("tenant_onboardings");
            onboarding.HasKey(o => o.Id);
            onboarding.Property(o => o.Id).ValueGeneratedNever();
            onboarding.HasIndex(o => o.Slug).IsUnique();
            onboarding.HasIndex(o => o.TenantId).IsUnique();
            onboarding.HasIndex(o => new { o.Status, o.LeaseUntil });
            onboarding.Property(o => o.Slug).HasMaxLength(63);
            onboarding.Property(o => o.Name).HasMaxLength(200);
            onboarding.Property(o => o.CountryCode).HasMaxLength(2);
            onboarding.Property(o => o.HostNames).HasMaxLength(2000);
            onboarding.Property(o => o.DefaultLanguage).HasMaxLength(35);
            onboarding.Property(o => o.TimeZone).HasMaxLength(64);
            onboarding.Property(o => o.Plan).HasMaxLength(50);
            onboarding.Property(o => o.AdminEmail).HasMaxLength(256);
            onboarding.Property(o => o.CompletedSteps).HasMaxLength(1000);
            onboarding.Property(o => o.Error).HasMaxLength(1000);
            onboarding.Property(o => o.LeaseHolder).HasMaxLength(200);
            onboarding.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            onboarding.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            onboarding.Property(o => o.DataPlacement).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<TenantExportRecord>(export =>
        {
            export.ToTable("tenant_exports");
            export.HasKey(e => e.Id);
            export.Property(e => e.Id).ValueGeneratedNever();
            export.HasIndex(e => new { e.TenantId, e.CreatedAt });
            export.Property(e => e.StorageKey).HasMaxLength(300);
            export.Property(e => e.Sha256).HasMaxLength(64);
            export.Property(e => e.RequestedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<TenantHostName>(host =>
        {
            host.ToTable("tenant_host_names");
            host.HasKey(h => h.HostName);
            host.Property(h => h.HostName).HasMaxLength(253);
        });
    }
}

internal sealed class SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options) : PlatformDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options) : PlatformDbContext(options);

internal sealed class SqlServerPlatformDbContext(DbContextOptions<SqlServerPlatformDbContext> options) : PlatformDbContext(options);
