using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Auditing;

namespace NucleusCloud.Modules.Identity.Audit;

/// <summary>
/// Refusals of callers inside a tenant, counted in memory per tenant, caller and minute and written to
/// the tenant's log as one summary entry each by a background writer: a stranger hammering a tenant's
/// endpoints costs the log one line a minute and never takes part in the tenant's own saves.
/// </summary>
internal sealed partial class RefusalLog(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RefusalLog> logger) : BackgroundService
{
    /// <summary>Beyond this many open summaries (a flood from many callers), refusals are counted under one caller "(many)".</summary>
    private const int MaxOpenSummaries = 10_000;
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<(Guid Tenant, string Caller, long Minute), Summary> _open = new();

    private sealed class Summary(string? address, string method, string path, string required)
    {
        public int Count;

        public string? Address { get; } = address;

        public string Method { get; } = method;

        public string Path { get; } = path;

        public string Required { get; } = required;
    }

    public void Note(Guid tenantId, string caller, string? address, string method, string path, string required)
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var key = (tenantId, _open.Count >= MaxOpenSummaries ? "(many)" : caller, minute);
        Interlocked.Increment(ref _open.GetOrAdd(key, _ => new Summary(address, method, path, required)).Count);
    }

    /// <summary>Writes every summary of a minute that has ended (all of them when <paramref name="all"/>).</summary>
    public async Task FlushAsync(bool all, CancellationToken cancellationToken)
    {
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        foreach (var key in _open.Keys.Where(k => all || k.Minute < current).ToList())
        {
            if (!_open.TryRemove(key, out var summary))
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().Set(key.Caller, summary.Address);
                await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(key.Tenant, "access.denied", details: new Dictionary<string, string?>
                {
                    ["count"] = summary.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["minute"] = DateTimeOffset.FromUnixTimeSeconds(key.Minute * 60).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["method"] = summary.Method,
                    ["path"] = summary.Path,
                    ["required"] = summary.Required,
                }, cancellationToken: cancellationToken);
            }
#pragma warning disable CA1031 // A summary that cannot be written is reported, never allowed to stop the writer.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(exception, key.Tenant);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(all: false, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await FlushAsync(all: true, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A summary of refused requests for tenant {TenantId} could not be written to its audit log.")]
    private partial void LogFailed(Exception exception, Guid tenantId);
}
