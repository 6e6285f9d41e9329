using Npgsql;
using NucleusCloud.Modules.Abstractions.Persistence;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// The three PostgreSQL roles of row-level security, as a deployment has them (deploy/postgres): test
/// databases are owned by the owner role, and hosts connect as the application role, so every PostgreSQL
/// test runs behind the database's own wall. Roles belong to the whole server, so they are shared.
/// </summary>
public static class TestDatabaseRoles
{
    public const string Owner = "nucleus_test_owner";
    public const string Application = "nucleus_test_app";
    public const string Platform = "nucleus_test_platform";
    private const string Password = "nucleus-test-role";

    public static async Task EnsureAsync(NpgsqlConnection superuser)
    {
        // Serialised: test processes running side by side create them at the same moment.
        await using var command = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock(4242);
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{Owner}') THEN CREATE ROLE {Owner} LOGIN PASSWORD '{Password}'; END IF;
              ALTER ROLE {Owner} CREATEDB; -- as deploy/postgres grants it: the owner creates dedicated tenants' databases
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{Application}') THEN CREATE ROLE {Application} LOGIN PASSWORD '{Password}'; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{Platform}') THEN CREATE ROLE {Platform} LOGIN PASSWORD '{Password}'; END IF;
            END $$;
            """, superuser);
        await using var transaction = await superuser.BeginTransactionAsync();
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Dedicated tenants' databases of a test database's Host are named after it, so its fixture drops them with it.</summary>
    public static string DedicatedPrefix(string databaseName) => $"nt_{databaseName[^32..][..12]}_";

    public static string As(string connectionString, string role) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = Password }.ConnectionString;

    /// <summary>The Host's database settings: on a connection of the application role, the other two roles' connections too.</summary>
    public static Dictionary<string, string> HostSettings(DatabaseProvider provider, string connectionString)
    {
        var settings = new Dictionary<string, string> { ["Database:Provider"] = provider.ToString(), ["Database:ConnectionString"] = connectionString };
        if (provider == DatabaseProvider.Postgres && new NpgsqlConnectionStringBuilder(connectionString).Username == Application)
        {
            settings["Database:MigrationConnectionString"] = As(connectionString, Owner);
            settings["Database:PlatformConnectionString"] = As(connectionString, Platform);
        }

        if (provider == DatabaseProvider.Postgres)
        {
            settings["Database:DedicatedDatabasePrefix"] = DedicatedPrefix(new NpgsqlConnectionStringBuilder(connectionString).Database!);
        }

        return settings;
    }
}
