using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Strategy.Data;

// Used by `dotnet ef migrations add … --context …`; the connection is never opened.
internal sealed class SqliteStrategyDesignFactory : IDesignTimeDbContextFactory<SqliteStrategyDbContext>
{
    public SqliteStrategyDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteStrategyDbContext>();
        ModuleDatabase.UseSqlite(builder, "Data Source=design.db", StrategyDbContext.Schema);
        return new SqliteStrategyDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class PostgresStrategyDesignFactory : IDesignTimeDbContextFactory<PostgresStrategyDbContext>
{
    public PostgresStrategyDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresStrategyDbContext>();
        ModuleDatabase.UsePostgres(builder, "Host=localhost;Database=design", StrategyDbContext.Schema);
        return new PostgresStrategyDbContext(builder.Options, NoTenantContext.Instance);
    }
}

internal sealed class SqlServerStrategyDesignFactory : IDesignTimeDbContextFactory<SqlServerStrategyDbContext>
{
    public SqlServerStrategyDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerStrategyDbContext>();
        ModuleDatabase.UseSqlServer(builder, "Server=localhost;Database=design", StrategyDbContext.Schema);
        return new SqlServerStrategyDbContext(builder.Options, NoTenantContext.Instance);
    }
}
