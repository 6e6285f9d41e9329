using System.Diagnostics;
using Npgsql;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own (initdb in a temporary folder, on a free loopback port) that the test may restart without
/// disturbing the shared server the other tests run on. It runs the installed server's programs (Debian's postgresql package, which
/// .ci/run installs); under root as the postgres user, since the server refuses to run as root. Without them the test is skipped
/// with the reason, except under CI, where it fails.
/// </summary>
public sealed class OwnPostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly int _port;

    private OwnPostgresServer(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    /// <summary>The superuser's connection (trust authentication on loopback: the server lives as long as the test).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Timeout=5";

    private string DataDirectory => Path.Combine(_folder, "data");

    public static async Task<OwnPostgresServer> StartAsync()
    {
        if (Programs is null)
        {
            const string reason = "No PostgreSQL server programs are installed here (/usr/lib/postgresql/*/bin): Debian's postgresql package provides them.";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException(reason);
            }

            Skip.If(true, reason);
        }

        var folder = Path.Combine(Path.GetTempPath(), $"nucleus-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var server = new OwnPostgresServer(folder, HostProcess.FreePort());
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "postgres:postgres", folder);
        }

        await PostgresAsync("initdb", "-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync");
        await server.ControlAsync("start");
        return server;
    }

    /// <summary>A fast restart, as an operator's <c>systemctl restart</c> does it: open connections are closed, the server is back once it answers.</summary>
    public Task RestartAsync() => ControlAsync("restart", "-m", "fast");

    /// <summary>An empty database owned by the test owner role, and its connection as the application role (<see cref="TestDatabaseRoles"/>).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"nucleus_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await TestDatabaseRoles.EnsureAsync(connection);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER {TestDatabaseRoles.Owner}", connection);
        await command.ExecuteNonQueryAsync();
        return TestDatabaseRoles.As(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString, TestDatabaseRoles.Application);
    }

    private Task ControlAsync(string action, params string[] options) => PostgresAsync("pg_ctl",
    [
        action, "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(_folder, "server.log"),
        "-o", $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -c fsync=off -c max_connections=200",
        .. options,
    ]);

    private static Task PostgresAsync(string program, params string[] arguments)
    {
        var path = Path.Combine(Programs!, program);
        return Environment.IsPrivilegedProcess ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    /// <summary>The newest installed server's programs, or null.</summary>
    private static string? Programs =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl"))).OrderBy(bin => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : new Version())
                .LastOrDefault()
            : null;

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await ControlAsync("stop", "-m", "immediate");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
