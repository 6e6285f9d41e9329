using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Testcontainers.MsSql;
using Testcontainers.PostgreSql;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>A database server for a suite: its administrator's connection string, or why there is none.</summary>
public sealed record TestServer(string? ConnectionString, string? Unavailable);

/// <summary>
/// The servers the provider suites run on, one of each per test run: the one an environment variable names (a server
/// of one's own, as CI on this machine sets for PostgreSQL), else a container Testcontainers starts where a Docker
/// engine answers (removed when the run ends), else none, with the reason.
/// </summary>
public static class TestServers
{
    public const string PostgresVariable = "NUCLEUS_TEST_POSTGRES";
    public const string SqlServerVariable = "NUCLEUS_TEST_SQLSERVER";

    private static readonly Lazy<Task<TestServer>> Postgres = new(() => FindAsync(PostgresVariable, "PostgreSQL",
        () => new PostgreSqlBuilder("postgres:17-alpine").Build(), c => ((PostgreSqlContainer)c).GetConnectionString()));

    // The Linux image has no full-text search, so there the catalogue's SQL Server search runs its LIKE fallback.
    private static readonly Lazy<Task<TestServer>> SqlServer = new(() => FindAsync(SqlServerVariable, "SQL Server",
        () => new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build(), c => ((MsSqlContainer)c).GetConnectionString()));

    public static Task<TestServer> PostgresAsync() => Postgres.Value;

    public static Task<TestServer> SqlServerAsync() => SqlServer.Value;

    private static async Task<TestServer> FindAsync(string variable, string name, Func<IContainer> build, Func<IContainer, string> connectionString)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured)
        {
            return new TestServer(configured, null);
        }

        IContainer container;
        try
        {
            container = build();
        }
        catch (DockerUnavailableException)
        {
            return new TestServer(null, $"No Docker engine answers here and {variable} is not set: the {name} suite needs one or the other.");
        }

        await container.StartAsync();
        return new TestServer(connectionString(container), null);
    }
}
