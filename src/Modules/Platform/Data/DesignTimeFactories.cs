using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NucleusCloud.Modules.Abstractions.Persistence;

namespace NucleusCloud.Modules.Platform.Data;

// Used by `dotnet ef migrations add … --context …`; the connection is never opened.
internal sealed class SqlitePlatformDesignFactory : IDesignTimeDbContextFactory<SqlitePlatformDbContext>
{
    public SqlitePlatformDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlitePlatformDbContext>();
        ModuleDatabase.UseSqlite(builder, "Data Source=design.db", PlatformDbContext.Schema);
        return new SqlitePlatformDbContext(builder.Options);
    }
}

internal sealed class PostgresPlatformDesignFactory : IDesignTimeDbContextFactory<PostgresPlatformDbContext>
{
    public PostgresPlatformDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresPlatformDbContext>();
        ModuleDatabase.UsePostgres(builder, "Host=localhost;Database=design", PlatformDbContext.Schema);
        return new PostgresPlatformDbContext(builder.Options);
    }
}

internal sealed class SqlServerPlatformDesignFactory : IDesignTimeDbContextFactory<SqlServerPlatformDbContext>
{
    public SqlServerPlatformDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerPlatformDbContext>();
        ModuleDatabase.UseSqlServer(builder, "Server=localhost;Database=design", PlatformDbContext.Schema);
        return new SqlServerPlatformDbContext(builder.Options);
    }
}
