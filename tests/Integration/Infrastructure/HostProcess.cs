using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// The Host as its own process (the built NucleusCloud.Host.dll run by <c>dotnet</c>) on a free
/// loopback port: for tests where several hosts share one database, as they do behind a load balancer.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>The Host's own process (started as <c>dotnet NucleusCloud.Host.dll</c>): a signal sent to it reaches the Host.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The exit code once the process has ended, or null if it is still running after <paramref name="within"/>.</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan within)
    {
        using var wait = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(HostAssembly)! };
        start.ArgumentList.Add(HostAssembly);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Urls"] = baseUrl;
        foreach (var (key, value) in TestCertificate.Shared.KeyRingSettings.Concat(settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = new HostProcess(Process.Start(start)!, baseUrl);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        await host.WaitUntilLiveAsync();
        return host;
    }

    /// <summary>A client of this host signed in, with a bearer token, as a new member of <paramref name="tenant"/> (made through <paramref name="app"/>, on the same database).</summary>
    public async Task<HttpClient> SignedInAsync(NucleusApp app, TenantInfo tenant, TenantRole role = TenantRole.Admin)
    {
        const string password = "a host process test passphrase";
        var email = $"host-{Guid.NewGuid():N}@example.org";
        await app.GrantAsync(await app.NewUserAsync(password, email: email), tenant, role);
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var signedIn = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        var token = JsonNode.Parse(await signedIn.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilLiveAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host process exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The host process did not become ready:\n{Output}");
    }

    /// <summary>The Host built beside this test assembly (same configuration).</summary>
    private static string HostAssembly
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (output.Name, output.Parent!.Name);
            var repository = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(repository, "src", "Host", "bin", configuration, framework, "NucleusCloud.Host.dll");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

/// <summary>The host processes a test started, killed together when it ends.</summary>
public sealed class HostProcessGroup : IAsyncDisposable
{
    private readonly List<HostProcess> _hosts = [];

    public async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var host = await HostProcess.StartAsync(settings);
        _hosts.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
