using System.Collections.Concurrent;

namespace NucleusCloud.Modules.Abstractions.Caching;

/// <summary>
/// Forgets a memory cache's entries by scope (a tenant, a space) or all at once without finding them: every key carries its
/// scope's generation and the cache-wide one, and moving a generation on leaves the old entries unreachable until they expire.
/// A key made before a read begins is where that read's answer is kept, so a change that moved the generation on meanwhile is
/// never followed by the answer read before it. Scopes are few (tenants, spaces): one counter each is kept for the host's life.
/// </summary>
public sealed class CacheGenerations<TScope>
    where TScope : notnull
{
    private readonly ConcurrentDictionary<TScope, long> _scopes = new();
    private long _everything;

    /// <summary><paramref name="key"/> as it is kept now in <paramref name="scope"/>.</summary>
    public string Key(string key, TScope scope) => $"{key}:{Interlocked.Read(ref _everything)}:{_scopes.GetValueOrDefault(scope)}";

    /// <summary><paramref name="key"/> as it is kept now, for entries forgotten one by one or all at once.</summary>
    public string Key(string key) => $"{key}:{Interlocked.Read(ref _everything)}";

    /// <summary>Forgets every entry of <paramref name="scope"/>.</summary>
    public void Forget(TScope scope) => _scopes.AddOrUpdate(scope, 1, (_, generation) => generation + 1);

    /// <summary>Forgets every entry (news that may have been missed).</summary>
    public void ForgetEverything() => Interlocked.Increment(ref _everything);
}
