using Npgsql;
using NucleusCloud.Modules.Abstractions.Persistence;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>One fresh database and one Host on it, shared by the tests of a class.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private NucleusApp? _app;

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

    public string ConnectionString { get; protected set; } = "";

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
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}

/// <summary>
/// A database on the PostgreSQL server named by <c>NUCLEUS_TEST_POSTGRES</c> (a superuser), owned by the
/// owner role and used through the application role (<see cref="TestDatabaseRoles"/>). Without it the
/// tests are skipped with the reason, except under CI (<c>CI</c> set), where they fail.
/// </summary>
public sealed class PostgresFixture : DatabaseFixture
{
    public const string Variable = "NUCLEUS_TEST_POSTGRES";
    private readonly List<string> _databases = [];
    private string _server = "";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable(Variable) ?? "";
        if (string.IsNullOrWhiteSpace(_server))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException($"CI is set but {Variable} is not: the PostgreSQL suite must run in CI.");
            }

            Unavailable = $"{Variable} is not set: set it to a PostgreSQL connection string to run the PostgreSQL suite.";
            return;
        }

        ConnectionString = await CreateEmptyDatabaseAsync();
    }

    public override async Task<string> CreateEmptyDatabaseAsync()
    {
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
