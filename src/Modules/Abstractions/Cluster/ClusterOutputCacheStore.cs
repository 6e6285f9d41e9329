using Microsoft.AspNetCore.OutputCaching;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Abstractions.Cluster;

/// <summary>
/// Each host keeps its own output cache; an eviction on one is carried to all (<see cref="IClusterSignals"/>), so a page a write
/// changed is served fresh by every host behind the load balancer, not only by the one that took the write.
/// </summary>
internal sealed class ClusterOutputCacheStore : IOutputCacheStore
{
    public const string Topic = "output-cache.evict";
    private readonly IOutputCacheStore _local;
    private readonly IClusterSignals _signals;

    public ClusterOutputCacheStore(IOutputCacheStore local, IClusterSignals signals, IEnumerable<IShowcaseChangedElsewhere> listeners)
    {
        _local = local;
        _signals = signals;
        var changed = listeners.ToArray();
        signals.Subscribe(new ClusterTopic(Topic,
            tag =>
            {
                // What the pages are drawn from first, then the pages: a page drawn after the eviction is drawn from the change.
                if (ShowcaseCache.TenantOf(tag) is { } tenantId)
                {
                    foreach (var listener in changed)
                    {
                        listener.Changed(tenantId);
                    }
                }

                return _local.EvictByTagAsync(tag, CancellationToken.None).AsTask();
            },
            () => _local.EvictByTagAsync(ShowcaseCache.AllTag, CancellationToken.None).AsTask()));
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await _local.EvictByTagAsync(tag, cancellationToken);
        await _signals.PublishAsync(Topic, tag);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => _local.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        _local.SetAsync(key, value, tags, validFor, cancellationToken);
}
