using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Crm.Data;

// Used by `dotnet ef migrations add … --context …`; the connection is never opened.
internal sealed class SqliteCrmDesignFactory : IDesignTimeDbContextFactory<SqliteCrmDbContext>
{
    public SqliteCrmDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteCrmDbContext>();
        ModuleDatabase.UseSqlite(builder, "Data Source=design.db", CrmDbContext.Schema);
        return new SqliteCrmDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class PostgresCrmDesignFactory : IDesignTimeDbContextFactory<PostgresCrmDbContext>
{
    public PostgresCrmDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresCrmDbContext>();
        ModuleDatabase.UsePostgres(builder, "Host=localhost;Database=design", CrmDbContext.Schema);
        return new PostgresCrmDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class SqlServerCrmDesignFactory : IDesignTimeDbContextFactory<SqlServerCrmDbContext>
{
    public SqlServerCrmDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerCrmDbContext>();
        ModuleDatabase.UseSqlServer(builder, "Server=localhost;Database=design", CrmDbContext.Schema);
        return new SqlServerCrmDbContext(builder.Options, NoTenantContext.Instance);
    }
}
