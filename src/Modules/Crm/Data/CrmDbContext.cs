using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contacts;
using NucleusCloud.Modules.Crm.Enquiries;
using NucleusCloud.Modules.Crm.Matching;
using NucleusCloud.Modules.Crm.Opportunities;
using NucleusCloud.Modules.Crm.Organisations;
using NucleusCloud.Modules.Crm.Tasks;
using NucleusCloud.Modules.Crm.Visits;
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

    public DbSet<CrmTask> Tasks => Set<CrmTask>();

    public DbSet<DelegationVisit> Visits => Set<DelegationVisit>();

    public DbSet<VisitParticipant> VisitParticipants => Set<VisitParticipant>();

    public DbSet<VisitSession> VisitSessions => Set<VisitSession>();

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
            enquiry.Property(q => q.MessageId).HasMaxLength(300);
            enquiry.HasIndex(q => new { q.TenantId, q.MessageId }).IsUnique();
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
        modelBuilder.Entity<CrmTask>(task =>
        {
            task.ToTable("crm_tasks");
            task.HasKey(t => new { t.TenantId, t.Id });
            task.HasIndex(t => new { t.TenantId, t.OwnerId, t.DoneAt, t.DueOn });
            task.HasIndex(t => new { t.TenantId, t.Link, t.LinkId });
            task.Property(t => t.Title).HasMaxLength(200);
            task.Property(t => t.Notes).HasMaxLength(4_000);
            task.Property(t => t.Link).HasConversion<string>().HasMaxLength(20);
            task.Property(t => t.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<DelegationVisit>(visit =>
        {
            visit.ToTable("visits");
            visit.HasKey(v => new { v.TenantId, v.Id });
            visit.HasIndex(v => new { v.TenantId, v.StartsOn });
            visit.HasIndex(v => new { v.TenantId, v.OrganisationId });
            visit.Property(v => v.Title).HasMaxLength(200);
            visit.Property(v => v.Country).HasMaxLength(2);
            visit.Property(v => v.Sector).HasMaxLength(100);
            visit.Property(v => v.Notes).HasMaxLength(10_000);
            visit.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            visit.Property(v => v.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<VisitParticipant>(participant =>
        {
            participant.ToTable("visit_participants");
            participant.HasKey(p => new { p.TenantId, p.Id });
            participant.HasIndex(p => new { p.TenantId, p.VisitId });
            participant.Property(p => p.Name).HasMaxLength(200);
            participant.Property(p => p.Role).HasMaxLength(200);
        });
        modelBuilder.Entity<VisitSession>(session =>
        {
            session.ToTable("visit_sessions");
            session.HasKey(s => new { s.TenantId, s.Id });
            session.HasIndex(s => new { s.TenantId, s.VisitId, s.Day });
            session.Property(s => s.Title).HasMaxLength(200);
            session.Property(s => s.Speakers).HasMaxLength(500);
            session.Property(s => s.Location).HasMaxLength(200);
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

internal sealed class SqlServerCrmDbContext(DbContextOptions<SqlServerCrmDbContext> options, ITenantContext tenant) : CrmDbContext(options, tenant);
