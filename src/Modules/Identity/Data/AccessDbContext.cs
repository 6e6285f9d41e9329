using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.ApiKeys;
using NucleusCloud.Modules.Identity.Integrations;
using NucleusCloud.Modules.Identity.Invitations;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Modules.Identity.Security;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.Data;

/// <summary>Who may do what in each tenant: memberships, API keys and integrations, tenant-owned.</summary>
internal abstract class AccessDbContext(DbContextOptions options, ITenantContext tenant) : TenantDbContext(options, tenant), IInboxContext
{
    public const string Schema = "access";

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Integration> Integrations => Set<Integration>();

    public DbSet<TenantSecurityPolicy> SecurityPolicies => Set<TenantSecurityPolicy>();

    public DbSet<InboxEntry> Inbox => Set<InboxEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddInbox();
        modelBuilder.Entity<Membership>(membership =>
        {
            membership.ToTable("memberships");
            membership.HasKey(m => new { m.TenantId, m.Id });
            membership.HasIndex(m => new { m.TenantId, m.UserId }).IsUnique();
            // "Which tenants am I in?" for the tenant switcher.
            membership.HasIndex(m => m.UserId);
            membership.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.HasKey(k => new { k.TenantId, k.Id });
            key.HasIndex(k => new { k.TenantId, k.Prefix }).IsUnique();
            key.Property(k => k.Name).HasMaxLength(100);
            key.Property(k => k.Prefix).HasMaxLength(16);
            key.Property(k => k.SecretHash).HasMaxLength(32);
            key.Property(k => k.Role).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Integration>(integration =>
        {
            integration.ToTable("integrations");
            integration.HasKey(i => new { i.TenantId, i.Id });
            integration.HasIndex(i => new { i.TenantId, i.ClientId }).IsUnique();
            integration.Property(i => i.Name).HasMaxLength(100);
            integration.Property(i => i.ClientId).HasMaxLength(40);
            integration.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.HasKey(i => new { i.TenantId, i.Id });
            invitation.HasIndex(i => new { i.TenantId, i.TokenHash }).IsUnique();
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.TokenHash).HasMaxLength(32);
            invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<TenantSecurityPolicy>(policy =>
        {
            policy.ToTable("security_policies");
            policy.HasKey(p => p.TenantId);
            policy.Property(p => p.TenantId).ValueGeneratedNever();
            policy.Property(p => p.SsoIssuer).HasMaxLength(300);
            policy.Property(p => p.SsoClientId).HasMaxLength(200);
            policy.Property(p => p.SsoProtectedSecret).HasMaxLength(2000);
            policy.Property(p => p.SsoEmailClaim).HasMaxLength(100);
            policy.Property(p => p.SsoAllowedDomains).HasMaxLength(1000);
            policy.Property(p => p.SsoNewMemberRole).HasConversion<string>().HasMaxLength(20);
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqliteAccessDbContext(DbContextOptions<SqliteAccessDbContext> options, ITenantContext tenant) : AccessDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresAccessDbContext(DbContextOptions<PostgresAccessDbContext> options, ITenantContext tenant) : AccessDbContext(options, tenant);

internal sealed class SqlServerAccessDbContext(DbContextOptions<SqlServerAccessDbContext> options, ITenantContext tenant) : AccessDbContext(options, tenant);
