using System.Diagnostics;
using System.Net.Sockets;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// nginx on a free loopback port, balancing round-robin over Host processes without any stickiness, and passing WebSocket
/// upgrades through as deploy/nginx does. Debian's nginx-light, which .ci/run installs; without it the test is skipped with the
/// reason, except under CI, where it fails.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Address = new Uri($"http://localhost:{port}");
    }

    /// <summary>"localhost", as the browser tests address their hosts.</summary>
    public Uri Address { get; }

    public static async Task<NginxProxy> StartAsync(IEnumerable<string> upstreams)
    {
        if (!File.Exists(NginxPath))
        {
            const string reason = $"{NginxPath} is not installed (apt-get install nginx-light): the test of several hosts behind a balancer needs it.";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException(reason);
            }

            Skip.If(true, reason);
        }

        var folder = Path.Combine(Path.GetTempPath(), $"nucleus-nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        // Run as root, nginx's workers drop to nobody, who must write its temporary files here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        }
        var port = HostProcess.FreePort();
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), Configuration(folder, port, upstreams));
        var start = new ProcessStartInfo(NginxPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var proxy = new NginxProxy(Process.Start(start)!, folder, port);
        await proxy.WaitUntilListeningAsync(port);
        return proxy;
    }

    private static string Configuration(string folder, int port, IEnumerable<string> upstreams) => $$"""
        daemon off;
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        events { worker_connections 1024; }
        http {
          access_log {{folder}}/access.log;
          client_body_temp_path {{folder}}/client_body;
          proxy_temp_path {{folder}}/proxy;
          fastcgi_temp_path {{folder}}/fastcgi;
          uwsgi_temp_path {{folder}}/uwsgi;
          scgi_temp_path {{folder}}/scgi;
          map $http_upgrade $connection_upgrade { default upgrade; '' close; }
          upstream nucleus {
            {{string.Join("\n    ", upstreams.Select(u => $"server {new Uri(u).Authority};"))}}
          }
          server {
            listen 127.0.0.1:{{port}};
            location / {
              proxy_pass http://nucleus;
              proxy_http_version 1.1;
              proxy_set_header Host $http_host;
              proxy_set_header Upgrade $http_upgrade;
              proxy_set_header Connection $connection_upgrade;
              proxy_read_timeout 1h;
            }
          }
        }
        """;

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                var log = Path.Combine(_folder, "error.log");
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : await _process.StandardError.ReadToEndAsync())}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not listen.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
