using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NucleusCloud.Modules.Abstractions.Jobs;

/// <summary>
/// This host's Hangfire server: it takes jobs from the shared queue and from this machine's own (jobs that read a file
/// only this machine has). Stopping the host asks running jobs to stop; Hangfire puts them back in the queue, and the
/// next host to start (or another running one) runs them again.
/// </summary>
internal sealed class JobServer(JobStorage storage, IServiceScopeFactory scopes, IOptions<JobsOptions> options, ILoggerFactory logging, JobMetrics metrics) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = metrics; // made with the server, so the gauges exist on every host
        JobLogging.Instance.Attach(logging);
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(JobLogging.Instance);
        if (options.Value.Run)
        {
            _server = new BackgroundJobServer(new BackgroundJobServerOptions
            {
                ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}",
                WorkerCount = options.Value.Workers,
                Queues = ["default", ThisMachine.Queue],
                Activator = new AspNetCoreJobActivator(scopes),
                ShutdownTimeout = TimeSpan.FromSeconds(15),
            }, storage);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            _server.SendStop();
            await _server.WaitForShutdownAsync(cancellationToken);
        }

        JobLogging.Instance.Detach(logging);
    }

    public void Dispose()
    {
        _server?.Dispose();
        JobLogging.Instance.Detach(logging);
    }
}

/// <summary>The queue of this machine's jobs: Hangfire queue names are lower-case letters, digits, dashes and underscores.</summary>
public static class ThisMachine
{
    public static readonly string Queue = "machine_" + new string([.. Environment.MachineName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
}
