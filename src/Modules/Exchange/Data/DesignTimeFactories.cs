using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NucleusCloud.Modules.Abstractions.Persistence;


namespace NucleusCloud.Modules.Exchange.Data;

// Used by `dotnet ef migrations add … --context …`; the connection is never opened.
internal sealed class SqliteExchangeDesignFactory : IDesignTimeDbContextFactory<SqliteExchangeDbContext>
{
    public SqliteExchangeDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteExchangeDbContext>();
        ModuleDatabase.UseSqlite(builder, "Data Source=design.db", ExchangeDbContext.Schema);
        return new SqliteExchangeDbContext(builder.Options);
    }
}

internal sealed class PostgresExchangeDesignFactory : IDesignTimeDbContextFactory<PostgresExchangeDbContext>
{
    public PostgresExchangeDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresExchangeDbContext>();
        ModuleDatabase.UsePostgres(builder, "Host=localhost;Database=design", ExchangeDbContext.Schema);
        return new PostgresExchangeDbContext(builder.Options);
    }
}

internal sealed class SqlServerExchangeDesignFactory : IDesignTimeDbContextFactory<SqlServerExchangeDbContext>
{
    public SqlServerExchangeDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerExchangeDbContext>();
        ModuleDatabase.UseSqlServer(builder, "Server=localhost;Database=design", ExchangeDbContext.Schema);
        return new SqlServerExchangeDbContext(builder.Options);
    }
}
