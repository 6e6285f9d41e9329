using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// At most <see cref="LiveOptions.TypingPerSecond"/> typing signals a second per space and host: each connection already signals at most
/// every 2 s, but in a plenary of a thousand that is 500 a second, each sent to every connection. Typing is ephemeral, so the surplus is
/// dropped (a reader still sees that someone types); posts never wait behind it. See bench/README.md, "typing".
/// </summary>
internal sealed class TypingBudget(IOptions<LiveOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(space => RateLimitPartition.GetFixedWindowLimiter(space, _ =>
        new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.Value.TypingPerSecond), Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));

    public bool TryTake(Guid spaceId)
    {
        using var lease = _limiter.AttemptAcquire(spaceId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
