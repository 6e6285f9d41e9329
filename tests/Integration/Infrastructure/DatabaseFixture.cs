using Microsoft.Data.SqlClient;
using Npgsql;
using NucleusCloud.Modules.Abstractions.Persistence;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>One fresh database and one Host on it, shared by the tests of a class.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private NucleusApp? _app;
    private string _connectionString = "";

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public string? Unavailable { get; protected set; }

    public NucleusApp App
    {
        get
        {
            Skip.If(Unavailable is not null, Unavailable);
            return _app ??= new NucleusApp(Provider, ConnectionString);
        }
    }

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The shared database's connection; skips, like <see cref="App"/>, when the provider is unavailable.</summary>
    public string ConnectionString
    {
        get
        {
            Skip.If(Unavailable is not null, Unavailable);
            return _connectionString;
        }

        protected set => _connectionString = value;
    }

    /// <summary>
    /// A Host of a test's own on an empty database, for tests whose settings differ from the shared Host's (set them in
    /// <see cref="NucleusApp.Settings"/> before its first use); skips, like <see cref="App"/>, when the provider is unavailable.
    /// </summary>
    public async Task<NucleusApp> OwnAppAsync()
    {
        _ = App;
        return new NucleusApp(Provider, await CreateEmptyDatabaseAsync());
    }

    /// <summary>Another database, empty, for tests that need one of their own (e.g. concurrent start-up).</summary>
    public abstract Task<string> CreateEmptyDatabaseAsync();

    public abstract Task InitializeAsync();

    /// <summary>
    /// The server's administrator connection; or, without a server, null and the reason in <see cref="Unavailable"/> (the tests
    /// skip) — unless the environment variable <paramref name="requiredBy"/> is set, which makes the missing server a failure.
    /// </summary>
    protected string? Take(TestServer server, string requiredBy, string suite)
    {
        if (server.Unavailable is not { } reason)
        {
            return server.ConnectionString;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(requiredBy)))
        {
            throw new InvalidOperationException($"{requiredBy} is set but {suite} cannot run: {reason}");
        }

        Unavailable = reason;
        return null;
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

public sealed class SqliteFixture : DatabaseFixture
{
    private readonly List<string> _files = [];

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override async Task InitializeAsync() => ConnectionString = await CreateEmptyDatabaseAsync();

    public override Task<string> CreateEmptyDatabaseAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"nucleus-test-{Guid.NewGuid():N}.db");
        _files.Add(file);
        return Task.FromResult($"Data Source={file}");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in _files)
        {
            // The database, its journal, and the background jobs' file beside it (with its journal).
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + ".jobs.db", file + ".jobs.db-wal", file + ".jobs.db-shm" })
            {
                File.Delete(path);
            }
        }
    }
}

/// <summary>
/// A database on the PostgreSQL server of <see cref="TestServers"/> (<c>NUCLEUS_TEST_POSTGRES</c>, a superuser, or a
/// Testcontainers container), owned by the owner role and used through the application role (<see cref="TestDatabaseRoles"/>).
/// Without either the tests are skipped with the reason, except under CI (<c>CI</c> set), where they fail.
/// </summary>
public sealed class PostgresFixture : DatabaseFixture
{
    public const string Variable = TestServers.PostgresVariable;
    private readonly List<string> _databases = [];
    private string _server = "";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async Task InitializeAsync()
    {
        if (Take(await TestServers.PostgresAsync(), "CI", "the PostgreSQL suite") is { } server)
        {
            _server = server;
            ConnectionString = await CreateEmptyDatabaseAsync();
        }
    }

    public override async Task<string> CreateEmptyDatabaseAsync()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var name = $"nucleus_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await TestDatabaseRoles.EnsureAsync(connection);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER {TestDatabaseRoles.Owner}", connection);
        await command.ExecuteNonQueryAsync();
        _databases.Add(name);
        return TestDatabaseRoles.As(new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString, TestDatabaseRoles.Application);
    }

    /// <summary>The same database as a superuser: for tests that look behind the roles.</summary>
    public string Superuser(string connectionString) =>
        new NpgsqlConnectionStringBuilder(_server) { Database = new NpgsqlConnectionStringBuilder(connectionString).Database }.ConnectionString;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_databases.Count == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        var dedicated = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE EXISTS (SELECT FROM unnest(@prefixes) p WHERE starts_with(datname, p))", connection))
        {
            list.Parameters.AddWithValue("prefixes", _databases.Select(TestDatabaseRoles.DedicatedPrefix).ToArray());
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dedicated.Add(reader.GetString(0));
            }
        }

        foreach (var name in _databases.Concat(dedicated))
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>
/// A database on the SQL Server of <see cref="TestServers"/> (<c>NUCLEUS_TEST_SQLSERVER</c>, a sysadmin login, or a
/// Testcontainers container). No SQL Server can run on the machines CI uses here (no Docker engine, no Debian package),
/// so the suite is skipped there with that reason, and runs in the hosted workflow (<c>.github/workflows/sqlserver.yml</c>),
/// which sets <c>NUCLEUS_REQUIRE_SQLSERVER</c> so that a missing server fails instead.
/// </summary>
// Database names are identifiers, which SQL cannot take as parameters; they are made here from a Guid.
#pragma warning disable DAP241
public sealed class SqlServerFixture : DatabaseFixture
{
    private readonly List<string> _databases = [];
    private string _server = "";

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override async Task InitializeAsync()
    {
        if (Take(await TestServers.SqlServerAsync(), "NUCLEUS_REQUIRE_SQLSERVER", "the SQL Server suite") is { } server)
        {
            _server = server;
            ConnectionString = await CreateEmptyDatabaseAsync();
        }
    }

    public override async Task<string> CreateEmptyDatabaseAsync()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var name = $"nucleus_test_{Guid.NewGuid():N}";
        await using var connection = new SqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new SqlCommand($"CREATE DATABASE [{name}]", connection);
        await command.ExecuteNonQueryAsync();
        _databases.Add(name);
        return new SqlConnectionStringBuilder(_server) { InitialCatalog = name }.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_databases.Count == 0)
        {
            return;
        }

        SqlConnection.ClearAllPools();
        await using var connection = new SqlConnection(_server);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var command = new SqlCommand($"IF DB_ID('{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
#pragma warning restore DAP241
