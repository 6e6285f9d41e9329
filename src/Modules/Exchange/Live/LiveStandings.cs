using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Caching;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// Remembers, for <see cref="LiveOptions.StandingSeconds"/>, that a person takes part in a space, so a reconnect storm does not
/// check each of thousands of joins in the database. A revocation through the exchange (a delegate withdrawn, a tenant leaving,
/// a space closed, a sign-out) forgets the whole space on every host at once, as it reaches them through the backplane; a change
/// elsewhere (a membership removed in a tenant) is found by the sweep, which never reads from here, and forgets that person.
/// Refusals are not remembered: a new delegate can join at once.
/// </summary>
internal sealed class LiveStandings(IMemoryCache cache, IOptions<LiveOptions> options)
{
    private readonly CacheGenerations<Guid> _generations = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<Checked>>> _checking = new(StringComparer.Ordinal);
    private readonly Forgettings _forgettings = new();

    /// <summary>The standing remembered, else the key under which a check beginning now keeps what it finds.</summary>
    public (LiveParticipant? Known, string Key) Find(Guid spaceId, Guid userId)
    {
        var key = Key(spaceId, userId);
        return (cache.TryGetValue(key, out LiveParticipant? known) ? known : null, key);
    }

    /// <summary>
    /// Runs <paramref name="check"/> once for all the joins of one person in one space that arrive while it runs (a storm's
    /// connections of the same person wait for the same answer), and remembers a standing it finds under <paramref name="key"/>
    /// (from <see cref="Find"/>): if the space was forgotten meanwhile, it is never found; if someone was forgotten while it ran, it is not kept.
    /// </summary>
    public async Task<LiveParticipant?> CheckOnceAsync(string key, Func<Task<LiveParticipant?>> check)
    {
        var running = _checking.GetOrAdd(key, _ => new Lazy<Task<Checked>>(() => CheckAsync(check)));
        try
        {
            var (participant, keep) = await running.Value;
            if (participant is not null && keep && options.Value.StandingSeconds > 0)
            {
                cache.Set(key, participant, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.StandingSeconds), Size = 1 });
            }

            return participant;
        }
        finally
        {
            _checking.TryRemove(KeyValuePair.Create(key, running));
        }
    }

    /// <summary>Forgets everyone's standing in the space (a revocation).</summary>
    public void Forget(Guid spaceId) => _generations.Forget(spaceId);

    /// <summary>Forgets one person's standing (found no longer taking part): a stranger's refusals never cost the others theirs.</summary>
    public void Forget(Guid spaceId, Guid userId)
    {
        _forgettings.Count();
        cache.Remove(Key(spaceId, userId));
    }

    private async Task<Checked> CheckAsync(Func<Task<LiveParticipant?>> check)
    {
        var mark = _forgettings.Mark();
        var participant = await check();
        return new Checked(participant, _forgettings.NoneSince(mark));
    }

    private readonly record struct Checked(LiveParticipant? Participant, bool Keep);

    private string Key(Guid spaceId, Guid userId) => _generations.Key($"exchange:live:standing:{spaceId:N}:{userId:N}", spaceId);
}
