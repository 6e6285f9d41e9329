using System.Diagnostics;
using System.Net.Sockets;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// A Redis server of a test's own (Debian's redis-server, which .ci/run installs) on a free loopback port, with nothing saved to
/// disk, that the test may stop and start again on the same port. Without it the test is skipped with the reason, except under CI.
/// </summary>
public sealed class OwnRedisServer : IAsyncDisposable
{
    public const string ServerPath = "/usr/bin/redis-server";
    private readonly int _port = HostProcess.FreePort();
    private Process? _process;

    private OwnRedisServer()
    {
    }

    /// <summary>What <c>Redis:Configuration</c> takes.</summary>
    public string Configuration => $"127.0.0.1:{_port}";

    public static async Task<OwnRedisServer> StartAsync()
    {
        if (!File.Exists(ServerPath))
        {
            var reason = $"{ServerPath} is not installed (apt-get install redis-server): the Redis tests need it.";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException(reason);
            }

            Skip.If(true, reason);
        }

        var server = new OwnRedisServer();
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(ServerPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", _port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
