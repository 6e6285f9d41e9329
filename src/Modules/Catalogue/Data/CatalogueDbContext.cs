using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Catalogue.Data;

internal abstract class CatalogueDbContext(DbContextOptions options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public const string Schema = "catalogue";

    public DbSet<Solution> Solutions => Set<Solution>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Solution>(solution =>
        {
            solution.ToTable("solutions");
            // Tenant id leads every key: rows of two tenants can never collide, and an update
            // addressed by id alone cannot reach another tenant's row.
            solution.HasKey(s => new { s.TenantId, s.Id });
            solution.HasIndex(s => new { s.TenantId, s.Slug }).IsUnique();
            solution.HasIndex(s => new { s.TenantId, s.Status, s.Name });
            solution.Property(s => s.Slug).HasMaxLength(100);
            solution.Property(s => s.Name).HasMaxLength(200);
            solution.Property(s => s.Summary).HasMaxLength(500);
            solution.Property(s => s.Description).HasMaxLength(20_000);
            solution.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            solution.Property(s => s.Maturity).HasConversion<string>().HasMaxLength(20);
            solution.Property(s => s.Licence).HasMaxLength(100);
            solution.Property(s => s.WebsiteUrl).HasMaxLength(2_000);
            solution.Property(s => s.SearchText).HasMaxLength(800);
            solution.Property(s => s.Version).IsConcurrencyToken();
        });

        // Last: the tenancy base adds the tenant filter to every tenant-owned entity configured above.
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqliteCatalogueDbContext(DbContextOptions<SqliteCatalogueDbContext> options, ITenantContext tenant)
    : CatalogueDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresCatalogueDbContext(DbContextOptions<PostgresCatalogueDbContext> options, ITenantContext tenant)
    : CatalogueDbContext(options, tenant);
