using Microsoft.Data.Sqlite;
using Npgsql;

namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>
/// One lock around the whole start-up migration of every module, so hosts starting together
/// migrate one after another. EF Core's own lock covers one migration at a time, which lets two
/// hosts interleave a module's later migrations (seen: "relation already exists").
/// PostgreSQL: a session advisory lock. SQLite: an exclusive lock file beside the database.
/// </summary>
public static class MigrationLock
{
    private const long AdvisoryKey = 0x4E75_636C_6575_7301; // "Nucleus" + 1

    public static async Task<IAsyncDisposable> AcquireAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            // Unpooled and without a command timeout: the session is the lock, and waiting for another host is normal.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.MigrationConnection) { Pooling = false, CommandTimeout = 0 }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                command.Parameters.AddWithValue("key", AdvisoryKey);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            // Closing the (unpooled) session releases the lock.
            return connection;
        }

        var dataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return new Nothing();
        }

        var path = Path.GetFullPath(dataSource) + ".migrate.lock";
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
