using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Partners.Agreements;
using NucleusCloud.Modules.Partners.Partners;
using NucleusCloud.Modules.Partners.Surveys;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Partners.Data;

internal abstract class PartnersDbContext(DbContextOptions options, ITenantContext tenant) : TenantDbContext(options, tenant), IOutboxContext
{
    public const string Schema = "partners";

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<PartnershipAgreement> Agreements => Set<PartnershipAgreement>();

    public DbSet<SatisfactionSurvey> Surveys => Set<SatisfactionSurvey>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutbox();
        modelBuilder.Entity<Partner>(partner =>
        {
            partner.ToTable("partners");
            partner.HasKey(p => new { p.TenantId, p.Id });
            partner.HasIndex(p => new { p.TenantId, p.Name });
            partner.Property(p => p.Name).HasMaxLength(200);
            partner.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
            partner.Property(p => p.Summary).HasMaxLength(4_000);
            partner.Property(p => p.WebsiteUrl).HasMaxLength(2_000);
            partner.Property(p => p.Country).HasMaxLength(2);
            partner.Property(p => p.Version).IsConcurrencyToken();
            partner.OwnsMany(p => p.Contacts, contacts => contacts.ToJson("contacts"));
        });

        modelBuilder.Entity<PartnershipAgreement>(agreement =>
        {
            agreement.ToTable("agreements");
            agreement.HasKey(a => new { a.TenantId, a.Id });
            agreement.HasIndex(a => new { a.TenantId, a.PartnerId, a.StartsOn });
            agreement.HasOne<Partner>().WithMany().HasForeignKey(a => new { a.TenantId, a.PartnerId }).OnDelete(DeleteBehavior.Cascade);
            agreement.Property(a => a.Title).HasMaxLength(200);
            agreement.Property(a => a.OurResponsibilities).HasMaxLength(10_000);
            agreement.Property(a => a.PartnerResponsibilities).HasMaxLength(10_000);
            agreement.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            agreement.Property(a => a.Version).IsConcurrencyToken();
            agreement.OwnsMany(a => a.Documents, documents => documents.ToJson("documents"));
        });

        modelBuilder.Entity<SatisfactionSurvey>(survey =>
        {
            survey.ToTable("surveys");
            survey.HasKey(s => new { s.TenantId, s.Id });
            survey.HasIndex(s => new { s.TenantId, s.PartnerId, s.Period }).IsUnique();
            survey.HasOne<Partner>().WithMany().HasForeignKey(s => new { s.TenantId, s.PartnerId }).OnDelete(DeleteBehavior.Cascade);
            survey.Property(s => s.Period).HasMaxLength(7);
            survey.Property(s => s.Score).HasPrecision(3, 2);
            survey.Property(s => s.Comments).HasMaxLength(4_000);
        });

        // Last: the tenancy base adds the tenant filter to every tenant-owned entity configured above.
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqlitePartnersDbContext(DbContextOptions<SqlitePartnersDbContext> options, ITenantContext tenant) : PartnersDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresPartnersDbContext(DbContextOptions<PostgresPartnersDbContext> options, ITenantContext tenant) : PartnersDbContext(options, tenant);

internal sealed class SqlServerPartnersDbContext(DbContextOptions<SqlServerPartnersDbContext> options, ITenantContext tenant) : PartnersDbContext(options, tenant);
