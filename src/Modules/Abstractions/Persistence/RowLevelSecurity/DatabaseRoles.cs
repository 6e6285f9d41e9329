using Npgsql;

namespace NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;

/// <summary>
/// The roles row-level security tells apart, named by their connection strings: the application's
/// (every request and job; owns nothing, cannot bypass the policies) and the platform's (reads across
/// tenants, writes nothing). The third, the owner, is whoever the migration connection signs in as.
/// </summary>
public sealed record DatabaseRoles(string Application, string Platform)
{
    public static DatabaseRoles From(DatabaseOptions options) =>
        new(User(options.ConnectionString, "Database:ConnectionString"), User(options.PlatformConnectionString, "Database:PlatformConnectionString"));

    /// <summary>Settings that cannot work together: refuse to start rather than run without the wall.</summary>
    public static void Validate(DatabaseOptions options, bool production)
    {
        if (options.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        if (!options.RowLevelSecurity)
        {
            if (production)
            {
                throw new InvalidOperationException(
                    "PostgreSQL in Production needs row-level security: set Database:MigrationConnectionString to the owner role and " +
                    "Database:PlatformConnectionString to the platform role; Database:ConnectionString is then the application's role (see deploy/postgres).");
            }

            return;
        }

        if (new NpgsqlConnectionStringBuilder(options.ConnectionString).NoResetOnClose)
        {
            throw new InvalidOperationException("Row-level security needs pooled connections reset on their return (drop \"No Reset On Close\" from Database:ConnectionString): a connection must not carry one tenant's setting to the next.");
        }

        var roles = From(options);
        var owner = User(options.MigrationConnectionString, "Database:MigrationConnectionString");
        if (new[] { roles.Application, roles.Platform, owner }.Distinct(StringComparer.Ordinal).Count() != 3)
        {
            throw new InvalidOperationException("Row-level security needs three different roles for Database:ConnectionString, Database:PlatformConnectionString and Database:MigrationConnectionString.");
        }
    }

    private static string User(string? connectionString, string setting) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Row-level security is on (Database:MigrationConnectionString is set), so {setting} is required.")
            : new NpgsqlConnectionStringBuilder(connectionString).Username
              ?? throw new InvalidOperationException($"{setting} names no user (Username=…).");
}
