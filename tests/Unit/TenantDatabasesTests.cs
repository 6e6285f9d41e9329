using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Tests.Unit;

/// <summary>The mapping from a tenant to its database: names, roles and bounded pools, and nothing dedicated on SQLite.</summary>
public sealed class TenantDatabasesTests
{
    private static readonly Guid Kenya = Guid.Parse("0193c0de-0000-7000-8000-00000000beef");

    private static DatabaseOptions Postgres() => new()
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = "Host=db.internal;Database=nucleus;Username=nucleus_app;Password=app-secret;Maximum Pool Size=100",
        MigrationConnectionString = "Host=db.internal;Database=nucleus;Username=nucleus_owner;Password=owner-secret",
        PlatformConnectionString = "Host=db.internal;Database=nucleus;Username=nucleus_platform;Password=platform-secret",
        DedicatedPoolSize = 7,
    };

    private static TenantDatabases Databases(DatabaseOptions options) => new(options, new ServiceCollection().BuildServiceProvider());

    private static TenantInfo Tenant(DataPlacement placement) => new(Kenya, "kenya", "Kenya", TenantKind.Country, "KE", TenantStatus.Active, [], placement);

    [Fact]
    public void A_dedicated_tenant_gets_its_own_database_on_the_same_server_for_each_of_the_three_roles_with_a_bounded_pool()
    {
        var dedicated = Databases(Postgres()).For(Tenant(DataPlacement.Dedicated));

        foreach (var (connection, role) in new[] { (dedicated.ConnectionString, "nucleus_app"), (dedicated.MigrationConnectionString!, "nucleus_owner"), (dedicated.PlatformConnectionString!, "nucleus_platform") })
        {
            var parsed = new NpgsqlConnectionStringBuilder(connection);
            parsed.Database.ShouldBe("nucleus_t_0193c0de000070008000" + "00000000beef");
            parsed.Host.ShouldBe("db.internal");
            parsed.Username.ShouldBe(role);
            parsed.MaxPoolSize.ShouldBe(7);
            parsed.MinPoolSize.ShouldBe(0);
            parsed.ConnectionIdleLifetime.ShouldBe(60);
        }

        dedicated.RowLevelSecurity.ShouldBeTrue("the dedicated database keeps the same wall as the shared one");
    }

    [Fact]
    public void A_shared_tenant_and_the_system_use_the_shared_database_unchanged()
    {
        var options = Postgres();
        var databases = Databases(options);
        databases.For(Tenant(DataPlacement.Shared)).ShouldBeSameAs(options);
        databases.For(null).ShouldBeSameAs(options);
        databases.For(Tenant(DataPlacement.Dedicated)).ShouldBeSameAs(databases.Dedicated(Kenya), "one set of connection strings, so one pool, per tenant");
    }

    [Fact]
    public void Sqlite_offers_no_dedicated_database_and_never_points_a_tenant_elsewhere()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=data/nucleus.db" };
        var databases = Databases(options);
        databases.DedicatedOffered.ShouldBeFalse();
        databases.For(Tenant(DataPlacement.Dedicated)).ShouldBeSameAs(options);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper_")]
    [InlineData("semi;colon_")]
    [InlineData("a_prefix_far_too_long_for_postgres_names_")]
    public void A_prefix_that_would_not_make_a_safe_database_name_refuses_to_start(string prefix)
    {
        var options = Postgres();
        options.DedicatedDatabasePrefix = prefix;
        Should.Throw<InvalidOperationException>(() => Databases(options)).Message.ShouldContain("DedicatedDatabasePrefix");
    }

    [Fact]
    public void A_scope_aimed_at_one_tenant_cannot_be_turned_to_another()
    {
        var target = new DatabaseTarget();
        target.Use(Kenya);
        target.Use(Kenya);
        Should.Throw<InvalidOperationException>(() => target.Use(Guid.NewGuid()));
        target.DedicatedTenantId.ShouldBe(Kenya);
    }
}
