namespace NucleusCloud.Modules.Catalogue.Showcase;

/// <summary>
/// Admits a response to the shared cache only on the second request for it within a while: a crawler that makes every URL new
/// (a varied query string) never fills the bounded cache, so it cannot crowd out the pages visitors share. Remembers hashes of
/// recent requests in a fixed table — each request lands on one slot and overwrites it — so its memory is bounded whatever the
/// traffic, and a collision only admits a page one request early. The hash is the process's randomised string hash: a visitor cannot aim at another page's slot.
/// </summary>
internal sealed class CacheAdmission(int slots)
{
    private readonly int[] _seen = new int[slots];

    /// <summary>True when <paramref name="key"/> was asked for recently (then it may be stored); remembers it either way.</summary>
    public bool SeenBefore(string key)
    {
        var hash = key.GetHashCode(StringComparison.Ordinal) | 1; // never 0, an empty slot
        ref var slot = ref _seen[(int)((uint)hash % (uint)_seen.Length)];
        if (Volatile.Read(ref slot) == hash)
        {
            return true;
        }

        Volatile.Write(ref slot, hash);
        return false;
    }
}
