namespace NucleusCloud.Modules.Abstractions.Caching;

/// <summary>
/// Counts a cache's forgettings, so a read that was under way while one happened is answered but not kept: it may hold what was
/// just forgotten (a revoked sign-in, a person no longer taking part), and keeping it would undo the forgetting for its lifetime.
/// </summary>
public sealed class Forgettings
{
    private long _count;

    /// <summary>The mark to take before a read begins.</summary>
    public long Mark() => Interlocked.Read(ref _count);

    /// <summary>Counts one forgetting; call it before the entries are removed.</summary>
    public void Count() => Interlocked.Increment(ref _count);

    /// <summary>Whether nothing was forgotten since <paramref name="mark"/>: only then may the read's answer be kept.</summary>
    public bool NoneSince(long mark) => Interlocked.Read(ref _count) == mark;
}
