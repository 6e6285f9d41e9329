using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Brand.Data;

// Used by `dotnet ef migrations add … --context …`; the connection is never opened.
internal sealed class SqliteBrandDesignFactory : IDesignTimeDbContextFactory<SqliteBrandDbContext>
{
    public SqliteBrandDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteBrandDbContext>();
        ModuleDatabase.UseSqlite(builder, "Data Source=design.db", BrandDbContext.Schema);
        return new SqliteBrandDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class PostgresBrandDesignFactory : IDesignTimeDbContextFactory<PostgresBrandDbContext>
{
    public PostgresBrandDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresBrandDbContext>();
        ModuleDatabase.UsePostgres(builder, "Host=localhost;Database=design", BrandDbContext.Schema);
        return new PostgresBrandDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class SqlServerBrandDesignFactory : IDesignTimeDbContextFactory<SqlServerBrandDbContext>
{
    public SqlServerBrandDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerBrandDbContext>();
        ModuleDatabase.UseSqlServer(builder, "Server=localhost;Database=design", BrandDbContext.Schema);
        return new SqlServerBrandDbContext(builder.Options, NoTenantContext.Instance);
    }
}
