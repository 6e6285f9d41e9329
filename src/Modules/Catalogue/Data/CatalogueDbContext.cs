using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.CaseStudies;
using NucleusCloud.Modules.Catalogue.Proposals;
using NucleusCloud.Modules.Catalogue.Search;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Catalogue.Data;

internal abstract class CatalogueDbContext(DbContextOptions options, ITenantContext tenant) : TenantDbContext(options, tenant), IInboxContext
{
    public const string Schema = "catalogue";

    public DbSet<Solution> Solutions => Set<Solution>();

    public DbSet<CaseStudy> CaseStudies => Set<CaseStudy>();

    public DbSet<SolutionChange> SolutionChanges => Set<SolutionChange>();

    public DbSet<SolutionProposal> SolutionProposals => Set<SolutionProposal>();

    public DbSet<InboxEntry> Inbox => Set<InboxEntry>();

    /// <summary>Changed by every write to the tenant's solutions, so each host knows when its search index is out of date.</summary>
    public DbSet<SearchStamp> SearchStamps => Set<SearchStamp>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddInbox();
        modelBuilder.Entity<Solution>(solution =>
        {
            solution.ToTable("solutions");
            // Tenant id leads every key: rows of two tenants can never collide, and an update
            // addressed by id alone cannot reach another tenant's row.
            solution.HasKey(s => new { s.TenantId, s.Id });
            solution.HasIndex(s => new { s.TenantId, s.Slug }).IsUnique();
            solution.HasIndex(s => new { s.TenantId, s.Status, s.Name });
            solution.HasIndex(s => new { s.TenantId, s.DpgKey }).IsUnique().HasFilter(SolutionSearchSql.DpgKeyPresent);
            solution.Property(s => s.Slug).HasMaxLength(100);
            solution.Property(s => s.Name).HasMaxLength(200);
            solution.Property(s => s.Summary).HasMaxLength(500);
            solution.Property(s => s.Description).HasMaxLength(20_000);
            solution.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            solution.Property(s => s.Maturity).HasConversion<string>().HasMaxLength(20);
            solution.Property(s => s.Licence).HasMaxLength(100);
            solution.Property(s => s.WebsiteUrl).HasMaxLength(2_000);
            solution.Property(s => s.DpgKey).HasMaxLength(200);
            solution.Property(s => s.CaseStudyText).HasMaxLength(200_000);
            solution.Property(s => s.Version).IsConcurrencyToken();
            solution.OwnsMany(s => s.Links, links => links.ToJson("links"));
            solution.OwnsMany(s => s.Media, media => media.ToJson("media"));
        });

        modelBuilder.Entity<CaseStudy>(caseStudy =>
        {
            caseStudy.ToTable("case_studies");
            caseStudy.HasKey(c => new { c.TenantId, c.Id });
            caseStudy.HasIndex(c => new { c.TenantId, c.SolutionId });
            caseStudy.HasOne<Solution>().WithMany().HasForeignKey(c => new { c.TenantId, c.SolutionId }).OnDelete(DeleteBehavior.Cascade);
            caseStudy.Property(c => c.Title).HasMaxLength(200);
            caseStudy.Property(c => c.Country).HasMaxLength(2);
            caseStudy.Property(c => c.Problem).HasMaxLength(10_000);
            caseStudy.Property(c => c.Approach).HasMaxLength(10_000);
            caseStudy.Property(c => c.Outputs).HasMaxLength(10_000);
            caseStudy.Property(c => c.Outcomes).HasMaxLength(10_000);
            caseStudy.Property(c => c.Version).IsConcurrencyToken();
            caseStudy.Ignore(c => c.SearchableText);
            caseStudy.OwnsMany(c => c.Figures, figures => figures.ToJson("figures"));
        });

        modelBuilder.Entity<SolutionChange>(change =>
        {
            change.ToTable("solution_changes");
            change.HasKey(c => new { c.TenantId, c.Id });
            // No foreign key: the history outlives a deleted solution.
            change.HasIndex(c => new { c.TenantId, c.SolutionId, c.At });
            change.Property(c => c.Actor).HasMaxLength(200);
            change.Property(c => c.Action).HasMaxLength(30);
            change.Property(c => c.FromStatus).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.ToStatus).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.Note).HasMaxLength(1_000);
        });

        modelBuilder.Entity<SolutionProposal>(proposal =>
        {
            proposal.ToTable("solution_proposals");
            proposal.HasKey(p => new { p.TenantId, p.Id });
            proposal.HasIndex(p => new { p.TenantId, p.Status, p.ProposedAt });
            proposal.HasIndex(p => new { p.TenantId, p.PartnerId, p.ProposedAt });
            proposal.HasOne<Solution>().WithMany().HasForeignKey(p => new { p.TenantId, p.SolutionId }).OnDelete(DeleteBehavior.Cascade);
            proposal.Property(p => p.ProposedBy).HasMaxLength(200);
            proposal.Property(p => p.ReviewedBy).HasMaxLength(200);
            proposal.Property(p => p.Name).HasMaxLength(200);
            proposal.Property(p => p.Summary).HasMaxLength(500);
            proposal.Property(p => p.Description).HasMaxLength(20_000);
            proposal.Property(p => p.WebsiteUrl).HasMaxLength(2_000);
            proposal.Property(p => p.Message).HasMaxLength(2_000);
            proposal.Property(p => p.ReviewNote).HasMaxLength(1_000);
            proposal.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        });

        modelBuilder.Entity<SearchStamp>(stamp =>
        {
            stamp.ToTable("search_stamps");
            stamp.HasKey(s => s.TenantId);
        });

        // Last: the tenancy base adds the tenant filter to every tenant-owned entity configured above.
        base.OnModelCreating(modelBuilder);
    }

    /// <summary>A solution as the API and pages show it, with its case studies.</summary>
    public async Task<Contracts.SolutionDetails> DetailsAsync(Solution solution, CancellationToken cancellationToken) =>
        solution.ToDetails(await CaseStudies.AsNoTracking().Where(c => c.SolutionId == solution.Id).ToListAsync(cancellationToken));
}

internal sealed class SqliteCatalogueDbContext(DbContextOptions<SqliteCatalogueDbContext> options, ITenantContext tenant)
    : CatalogueDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresCatalogueDbContext(DbContextOptions<PostgresCatalogueDbContext> options, ITenantContext tenant)
    : CatalogueDbContext(options, tenant);

internal sealed class SqlServerCatalogueDbContext(DbContextOptions<SqlServerCatalogueDbContext> options, ITenantContext tenant)
    : CatalogueDbContext(options, tenant);
