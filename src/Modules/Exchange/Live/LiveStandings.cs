using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

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
    private readonly ConcurrentDictionary<Guid, long> _generations = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<LiveParticipant?>>> _checking = new(StringComparer.Ordinal);

    public (LiveParticipant? Known, long Generation) Find(Guid spaceId, Guid userId)
    {
        var generation = _generations.GetValueOrDefault(spaceId);
        return (cache.TryGetValue(Key(spaceId, userId, generation), out LiveParticipant? known) ? known : null, generation);
    }

    /// <summary>
    /// Runs <paramref name="check"/> once for all the joins of one person in one space that arrive while it runs (a storm's
    /// connections of the same person wait for the same answer), and remembers a standing it finds.
    /// </summary>
    public async Task<LiveParticipant?> CheckOnceAsync(Guid spaceId, Guid userId, long generation, Func<Task<LiveParticipant?>> check)
    {
        var key = Key(spaceId, userId, generation);
        var running = _checking.GetOrAdd(key, _ => new Lazy<Task<LiveParticipant?>>(check));
        try
        {
            var participant = await running.Value;
            if (participant is not null)
            {
                Remember(spaceId, userId, generation, participant);
            }

            return participant;
        }
        finally
        {
            _checking.TryRemove(KeyValuePair.Create(key, running));
        }
    }

    /// <summary>Keeps a standing read under <paramref name="generation"/>: if the space was forgotten meanwhile, it is never found.</summary>
    private void Remember(Guid spaceId, Guid userId, long generation, LiveParticipant participant)
    {
        if (options.Value.StandingSeconds > 0)
        {
            cache.Set(Key(spaceId, userId, generation), participant,
                new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.StandingSeconds), Size = 1 });
        }
    }

    /// <summary>Forgets everyone's standing in the space (a revocation).</summary>
    public void Forget(Guid spaceId) => _generations.AddOrUpdate(spaceId, 1, (_, generation) => generation + 1);

    /// <summary>Forgets one person's standing (found no longer taking part): a stranger's refusals never cost the others theirs.</summary>
    public void Forget(Guid spaceId, Guid userId) => cache.Remove(Key(spaceId, userId, _generations.GetValueOrDefault(spaceId)));

    private static string Key(Guid spaceId, Guid userId, long generation) => $"exchange:live:standing:{spaceId:N}:{userId:N}:{generation}";
}
