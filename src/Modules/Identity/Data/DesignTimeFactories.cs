using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Identity.Data;

// Used by `dotnet ef migrations add … --context …`; the connection is never opened.
internal sealed class SqliteAccountsDesignFactory : IDesignTimeDbContextFactory<SqliteAccountsDbContext>
{
    public SqliteAccountsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAccountsDbContext>();
        ModuleDatabase.UseSqlite(builder, "Data Source=design.db", AccountsDbContext.Schema);
        builder.UseApplicationServiceProvider(AccountsDbContext.DesignTimeServices);
        return new SqliteAccountsDbContext(builder.Options);
    }
}

internal sealed class PostgresAccountsDesignFactory : IDesignTimeDbContextFactory<PostgresAccountsDbContext>
{
    public PostgresAccountsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAccountsDbContext>();
        ModuleDatabase.UsePostgres(builder, "Host=localhost;Database=design", AccountsDbContext.Schema);
        builder.UseApplicationServiceProvider(AccountsDbContext.DesignTimeServices);
        return new PostgresAccountsDbContext(builder.Options);
    }
}

internal sealed class SqlServerAccountsDesignFactory : IDesignTimeDbContextFactory<SqlServerAccountsDbContext>
{
    public SqlServerAccountsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerAccountsDbContext>();
        ModuleDatabase.UseSqlServer(builder, "Server=localhost;Database=design", AccountsDbContext.Schema);
        builder.UseApplicationServiceProvider(AccountsDbContext.DesignTimeServices);
        return new SqlServerAccountsDbContext(builder.Options);
    }
}

internal sealed class SqliteAccessDesignFactory : IDesignTimeDbContextFactory<SqliteAccessDbContext>
{
    public SqliteAccessDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAccessDbContext>();
        ModuleDatabase.UseSqlite(builder, "Data Source=design.db", AccessDbContext.Schema);
        return new SqliteAccessDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class PostgresAccessDesignFactory : IDesignTimeDbContextFactory<PostgresAccessDbContext>
{
    public PostgresAccessDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAccessDbContext>();
        ModuleDatabase.UsePostgres(builder, "Host=localhost;Database=design", AccessDbContext.Schema);
        return new PostgresAccessDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class SqlServerAccessDesignFactory : IDesignTimeDbContextFactory<SqlServerAccessDbContext>
{
    public SqlServerAccessDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerAccessDbContext>();
        ModuleDatabase.UseSqlServer(builder, "Server=localhost;Database=design", AccessDbContext.Schema);
        return new SqlServerAccessDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class SqliteAuditDesignFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAuditDbContext>();
        ModuleDatabase.UseSqlite(builder, "Data Source=design.db", AuditDbContext.Schema);
        return new SqliteAuditDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class PostgresAuditDesignFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAuditDbContext>();
        ModuleDatabase.UsePostgres(builder, "Host=localhost;Database=design", AuditDbContext.Schema);
        return new PostgresAuditDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class SqlServerAuditDesignFactory : IDesignTimeDbContextFactory<SqlServerAuditDbContext>
{
    public SqlServerAuditDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerAuditDbContext>();
        ModuleDatabase.UseSqlServer(builder, "Server=localhost;Database=design", AuditDbContext.Schema);
        return new SqlServerAuditDbContext(builder.Options, NoTenantContext.Instance);
    }
}
