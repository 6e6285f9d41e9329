using System.ComponentModel.DataAnnotations;

namespace NucleusCloud.Modules.Abstractions.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file under <c>./data</c>.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/nucleus.db";

    /// <summary>Apply pending migrations at start-up (safe with several hosts: EF Core takes a database lock).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
