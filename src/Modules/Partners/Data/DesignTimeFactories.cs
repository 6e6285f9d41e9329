using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Partners.Data;

// Used by `dotnet ef migrations add … --context …`; the connection is never opened.
internal sealed class SqlitePartnersDesignFactory : IDesignTimeDbContextFactory<SqlitePartnersDbContext>
{
    public SqlitePartnersDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlitePartnersDbContext>();
        ModuleDatabase.UseSqlite(builder, "Data Source=design.db", PartnersDbContext.Schema);
        return new SqlitePartnersDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class PostgresPartnersDesignFactory : IDesignTimeDbContextFactory<PostgresPartnersDbContext>
{
    public PostgresPartnersDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresPartnersDbContext>();
        ModuleDatabase.UsePostgres(builder, "Host=localhost;Database=design", PartnersDbContext.Schema);
        return new PostgresPartnersDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class SqlServerPartnersDesignFactory : IDesignTimeDbContextFactory<SqlServerPartnersDbContext>
{
    public SqlServerPartnersDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerPartnersDbContext>();
        ModuleDatabase.UseSqlServer(builder, "Server=localhost;Database=design", PartnersDbContext.Schema);
        return new SqlServerPartnersDbContext(builder.Options, NoTenantContext.Instance);
    }
}
