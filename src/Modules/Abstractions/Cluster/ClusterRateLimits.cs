using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Modules.Abstractions.Cluster;

/// <summary>Rate-limiting policies' partitions whose budgets hold across hosts (<see cref="ClusterBudgets"/>).</summary>
public static class ClusterRateLimits
{
    /// <summary><paramref name="limit"/> requests per <paramref name="window"/> for the budget <paramref name="key"/>, counted over every host.</summary>
    public static RateLimitPartition<string> Budget(HttpContext context, string key, int limit, TimeSpan window)
    {
        var budgets = context.RequestServices.GetRequiredService<ClusterBudgets>();
        return RateLimitPartition.Get(key, k => new BudgetLimiter(budgets, k, limit, window));
    }

    /// <summary>A view of one budget for the framework's rate limiter, which keeps it while in use and drops it when idle.</summary>
    private sealed class BudgetLimiter(ClusterBudgets budgets, string key, int limit, TimeSpan window) : RateLimiter
    {
        private long _lastUsed = Environment.TickCount64;

        public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
            if (permitCount != 1)
            {
                throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "A request takes one permit.");
            }

            return budgets.TryTake(key, limit, window, out var retryAfter) ? Lease.Granted : new Lease(false, retryAfter);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }

    private sealed class Lease(bool acquired, TimeSpan retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, TimeSpan.Zero);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = !acquired && metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
