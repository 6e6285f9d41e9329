using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Queries;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Crm.Data;

internal abstract class CrmDbContext(DbContextOptions options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public const string Schema = "crm";

    public DbSet<CrmQuery> Queries => Set<CrmQuery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<CrmQuery>(query =>
        {
            query.ToTable("queries");
            query.HasKey(q => new { q.TenantId, q.Id });
            query.HasIndex(q => new { q.TenantId, q.Status, q.ReceivedAt });
            query.Property(q => q.Source).HasMaxLength(20);
            query.Property(q => q.ContactName).HasMaxLength(200);
            query.Property(q => q.ContactEmail).HasMaxLength(256);
            query.Property(q => q.Organisation).HasMaxLength(200);
            query.Property(q => q.Country).HasMaxLength(2);
            query.Property(q => q.Subject).HasMaxLength(200);
            query.Property(q => q.Message).HasMaxLength(5_000);
            query.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
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
