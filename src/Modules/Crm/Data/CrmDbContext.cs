using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contacts;
using NucleusCloud.Modules.Crm.Enquiries;
using NucleusCloud.Modules.Crm.Matching;
using NucleusCloud.Modules.Crm.Opportunities;
using NucleusCloud.Modules.Crm.Organisations;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Crm.Data;

internal abstract class CrmDbContext(DbContextOptions options, ITenantContext tenant) : TenantDbContext(options, tenant), IOutboxContext
{
    public const string Schema = "crm";

    public DbSet<Enquiry> Enquiries => Set<Enquiry>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<MatchDecision> MatchDecisions => Set<MatchDecision>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutbox();
        modelBuilder.Entity<Enquiry>(enquiry =>
        {
            enquiry.ToTable("enquiries");
            enquiry.HasKey(q => new { q.TenantId, q.Id });
            enquiry.HasIndex(q => new { q.TenantId, q.Status, q.ReceivedAt });
            enquiry.Property(q => q.Source).HasMaxLength(20);
            enquiry.Property(q => q.ContactName).HasMaxLength(200);
            enquiry.Property(q => q.ContactEmail).HasMaxLength(256);
            enquiry.Property(q => q.Organisation).HasMaxLength(200);
            enquiry.Property(q => q.Country).HasMaxLength(2);
            enquiry.Property(q => q.Subject).HasMaxLength(200);
            enquiry.Property(q => q.Message).HasMaxLength(5_000);
            enquiry.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Organisation>(organisation =>
        {
            organisation.ToTable("organisations");
            organisation.HasKey(o => new { o.TenantId, o.Id });
            organisation.HasIndex(o => new { o.TenantId, o.Name });
            organisation.HasIndex(o => new { o.TenantId, o.Country, o.Name });
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            organisation.Property(o => o.Country).HasMaxLength(2);
            organisation.Property(o => o.WebsiteUrl).HasMaxLength(2_000);
            organisation.Property(o => o.Notes).HasMaxLength(10_000);
            organisation.Property(o => o.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Opportunity>(opportunity =>
        {
            opportunity.ToTable("opportunities");
            opportunity.HasKey(o => new { o.TenantId, o.Id });
            opportunity.HasIndex(o => new { o.TenantId, o.Stage, o.UpdatedAt });
            opportunity.HasIndex(o => new { o.TenantId, o.OrganisationId });
            opportunity.Property(o => o.Title).HasMaxLength(200);
            opportunity.Property(o => o.Amount).HasPrecision(18, 2);
            opportunity.Property(o => o.Currency).HasMaxLength(3);
            opportunity.Property(o => o.FundingSource).HasMaxLength(200);
            opportunity.Property(o => o.Stage).HasConversion<string>().HasMaxLength(20);
            opportunity.Property(o => o.LostReason).HasMaxLength(1_000);
            opportunity.Property(o => o.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<MatchDecision>(decision =>
        {
            decision.ToTable("match_decisions");
            decision.HasKey(d => new { d.TenantId, d.Id });
            decision.HasIndex(d => new { d.TenantId, d.Subject, d.SubjectId, d.Kind, d.SuggestedId }).IsUnique();
            decision.Property(d => d.Subject).HasConversion<string>().HasMaxLength(20);
            decision.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            decision.Property(d => d.Verdict).HasConversion<string>().HasMaxLength(20);
            decision.Property(d => d.SuggestedName).HasMaxLength(200);
        });
        modelBuilder.Entity<Contact>(contact =>
        {
            contact.ToTable("contacts");
            contact.HasKey(c => new { c.TenantId, c.Id });
            contact.HasIndex(c => new { c.TenantId, c.OrganisationId, c.Name });
            contact.HasIndex(c => new { c.TenantId, c.Email });
            contact.Property(c => c.Name).HasMaxLength(200);
            contact.Property(c => c.Role).HasMaxLength(200);
            contact.Property(c => c.Email).HasMaxLength(256);
            contact.Property(c => c.Phone).HasMaxLength(50);
            contact.Property(c => c.ConsentSource).HasMaxLength(300);
            contact.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Interaction>(interaction =>
        {
            interaction.ToTable("interactions");
            interaction.HasKey(i => new { i.TenantId, i.Id });
            interaction.HasIndex(i => new { i.TenantId, i.OrganisationId, i.OccurredOn });
            interaction.HasIndex(i => new { i.TenantId, i.ContactId });
            interaction.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
            interaction.Property(i => i.Summary).HasMaxLength(2_000);
        });

        // Last: the tenancy base adds the tenant filter to every tenant-owned entity configured above.
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options, ITenantContext tenant) : CrmDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options, ITenantContext tenant) : CrmDbContext(options, tenant);
