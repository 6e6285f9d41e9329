using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>
/// One lock around the whole start-up migration of every module, so hosts starting together
/// migrate one after another. EF Core's own lock covers one migration at a time, which lets two
/// hosts interleave a module's later migrations (seen: "relation already exists").
/// PostgreSQL: a session advisory lock. SQL Server: a session application lock (<c>sp_getapplock</c>).
/// SQLite: an exclusive lock file beside the database.
/// </summary>
public static class MigrationLock
{
    private const long AdvisoryKey = 0x4E75_636C_6575_7301; // "Nucleus" + 1
    public const string ApplicationLockName = "nucleus:migrate";

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

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            var connection = new SqlConnection(new SqlConnectionStringBuilder(options.MigrationConnection) { Pooling = false, CommandTimeout = 0 }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using (var command = new SqlCommand("sp_getapplock", connection) { CommandType = System.Data.CommandType.StoredProcedure, CommandTimeout = 0 })
            {
                command.Parameters.AddWithValue("@Resource", ApplicationLockName);
                command.Parameters.AddWithValue("@LockMode", "Exclusive");
                command.Parameters.AddWithValue("@LockOwner", "Session");
                command.Parameters.AddWithValue("@LockTimeout", -1);
                var result = command.Parameters.Add("@Result", System.Data.SqlDbType.Int);
                result.Direction = System.Data.ParameterDirection.ReturnValue;
                await command.ExecuteNonQueryAsync(cancellationToken);
                if ((int)result.Value < 0)
                {
                    await connection.DisposeAsync();
                    throw new InvalidOperationException($"SQL Server refused the migration lock (sp_getapplock returned {result.Value}).");
                }
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
