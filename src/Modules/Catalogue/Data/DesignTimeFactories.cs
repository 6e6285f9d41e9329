using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Catalogue.Data;

// Used by `dotnet ef migrations add … --context …`; the connection is never opened.
internal sealed class SqliteCatalogueDesignFactory : IDesignTimeDbContextFactory<SqliteCatalogueDbContext>
{
    public SqliteCatalogueDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteCatalogueDbContext>();
        ModuleDatabase.UseSqlite(builder, "Data Source=design.db", CatalogueDbContext.Schema);
        return new SqliteCatalogueDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class PostgresCatalogueDesignFactory : IDesignTimeDbContextFactory<PostgresCatalogueDbContext>
{
    public PostgresCatalogueDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresCatalogueDbContext>();
        ModuleDatabase.UsePostgres(builder, "Host=localhost;Database=design", CatalogueDbContext.Schema);
        return new PostgresCatalogueDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class SqlServerCatalogueDesignFactory : IDesignTimeDbContextFactory<SqlServerCatalogueDbContext>
{
    public SqlServerCatalogueDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerCatalogueDbContext>();
        ModuleDatabase.UseSqlServer(builder, "Server=localhost;Database=design", CatalogueDbContext.Schema);
        return new SqlServerCatalogueDbContext(builder.Options, NoTenantContext.Instance);
    }
}
