using System.ComponentModel.DataAnnotations;

namespace NucleusCloud.Modules.Abstractions.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file under <c>./data</c>.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/nucleus.db";

    /// <summary>
    /// PostgreSQL: the connection of the role that owns the schema, used only to migrate and to install
    /// row-level security. When set, row-level security is on: <see cref="ConnectionString"/> must then be
    /// a role that owns nothing and cannot bypass it. Production on PostgreSQL requires it.
    /// </summary>
    public string? MigrationConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL with row-level security: a third role, allowed to read (never write) every tenant's rows,
    /// for the few platform reads that span tenants (see <c>CrossTenant</c>).
    /// </summary>
    public string? PlatformConnectionString { get; set; }

    /// <summary>Whether PostgreSQL's row-level security stands behind the EF Core tenant filters.</summary>
    public bool RowLevelSecurity => Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(MigrationConnectionString);

    /// <summary>The connection migrations run on: the owner's when row-level security is on.</summary>
    public string MigrationConnection => RowLevelSecurity ? MigrationConnectionString! : ConnectionString;

    /// <summary>
    /// PostgreSQL: the name of a tenant's own database is this prefix and the tenant's id (32 hex digits), on the same server
    /// and for the same roles as the shared one. Lower-case letters, digits and underscores, at most 30 characters.
    /// </summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,29}$")]
    public string DedicatedDatabasePrefix { get; set; } = "nucleus_t_";

    /// <summary>
    /// PostgreSQL: the most connections one host keeps open to one tenant's own database. Each database has its own pool,
    /// which closes its idle connections after a minute, so many quiet tenants hold few connections.
    /// </summary>
    [Range(1, 1000)]
    public int DedicatedPoolSize { get; set; } = 10;

    /// <summary>Apply pending migrations at start-up (safe with several hosts: EF Core takes a database lock).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
