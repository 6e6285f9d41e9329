using System.Collections.Concurrent;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>Who a live connection speaks for in a space it joined.</summary>
internal sealed record LiveParticipant(Guid TenantId, string TenantName, Guid UserId, string DisplayName, long HistoryAfterSequence = 0);

/// <summary>A joined connection as the sweep sees it: where, for whom, and the principal it signed in with.</summary>
internal sealed record LiveMembershipClaim(string ConnectionId, Guid SpaceId, LiveParticipant Participant, System.Security.Claims.ClaimsPrincipal Principal);

/// <summary>
/// This host's live connections and the spaces each joined: what revocations and presence act on.
/// (SignalR's groups cannot be listed, so the host keeps its own book.)
/// </summary>
internal sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, LiveParticipant>> _byConnection = new();
    private readonly ConcurrentDictionary<string, System.Security.Claims.ClaimsPrincipal> _principals = new();

    /// <summary>Per space, the people with connections here: presence answers from it without a scan or a query.</summary>
    private readonly Dictionary<Guid, SpacePeople> _people = [];

    /// <summary>Identifies this host's rows in the shared presence table.</summary>
    public Guid HostId { get; } = Guid.NewGuid();

    public static string Group(Guid spaceId) => $"space:{spaceId:N}";

    /// <summary>True when no connection here has joined a space (or every one has gone).</summary>
    public bool IsEmpty => _byConnection.IsEmpty;

    public void Joined(string connectionId, Guid spaceId, LiveParticipant participant, System.Security.Claims.ClaimsPrincipal principal)
    {
        _principals[connectionId] = principal;
        if (_byConnection.GetOrAdd(connectionId, _ => new()).TryAdd(spaceId, participant))
        {
            lock (_people)
            {
                (_people.TryGetValue(spaceId, out var people) ? people : _people[spaceId] = new()).Add(participant);
            }
        }
    }

    private void Counted(Guid spaceId, LiveParticipant participant)
    {
        lock (_people)
        {
            if (_people.TryGetValue(spaceId, out var people) && people.Remove(participant.UserId) && people.IsEmpty)
            {
                _people.Remove(spaceId);
            }
        }
    }

    public LiveParticipant? Left(string connectionId, Guid spaceId)
    {
        if (_byConnection.TryGetValue(connectionId, out var spaces) && spaces.TryRemove(spaceId, out var participant))
        {
            Counted(spaceId, participant);
            return participant;
        }

        return null;
    }

    public IReadOnlyList<(Guid SpaceId, LiveParticipant Participant)> Disconnected(string connectionId)
    {
        _principals.TryRemove(connectionId, out _);
        if (!_byConnection.TryRemove(connectionId, out var spaces))
        {
            return [];
        }

        foreach (var (spaceId, participant) in spaces)
        {
            Counted(spaceId, participant);
        }

        return [.. spaces.Select(s => (s.Key, s.Value))];
    }

    public LiveParticipant? In(string connectionId, Guid spaceId) =>
        _byConnection.TryGetValue(connectionId, out var spaces) && spaces.TryGetValue(spaceId, out var participant) ? participant : null;

    /// <summary>Every joined connection of this host, for the membership sweep.</summary>
    public IReadOnlyList<LiveMembershipClaim> Claims() =>
        [.. _byConnection.SelectMany(c => c.Value.Select(s => (c.Key, s.Key, s.Value)))
            .Where(x => _principals.ContainsKey(x.Item1))
            .Select(x => new LiveMembershipClaim(x.Item1, x.Item2, x.Item3, _principals[x.Item1]))];

    public bool AnyIn(Guid spaceId)
    {
        lock (_people)
        {
            return _people.ContainsKey(spaceId);
        }
    }

    /// <summary>The first <paramref name="count"/> people with a connection in the space on this host, by name.</summary>
    public IReadOnlyList<LiveParticipant> People(Guid spaceId, int count)
    {
        lock (_people)
        {
            return _people.TryGetValue(spaceId, out var people) ? people.First(count) : [];
        }
    }

    /// <summary>This host's connections in the space of the tenant's users (or of one user).</summary>
    public IReadOnlyList<string> Matching(Guid spaceId, Guid tenantId, Guid? userId) =>
        [.. _byConnection.Where(c => c.Value.TryGetValue(spaceId, out var p) && p.TenantId == tenantId && (userId is null || p.UserId == userId)).Select(c => c.Key)];

    /// <summary>True when the user has another connection in the space on this host.</summary>
    public bool StillIn(Guid spaceId, Guid userId)
    {
        lock (_people)
        {
            return _people.TryGetValue(spaceId, out var people) && people.Contains(userId);
        }
    }
}

/// <summary>
/// One space's people on this host, each with a count of connections, kept in name order: a join lists the first of them
/// without sorting everyone (a storm of thousands of different people would otherwise sort thousands per join).
/// </summary>
internal sealed class SpacePeople
{
    private readonly Dictionary<Guid, (LiveParticipant Participant, int Connections)> _byUser = [];
    private readonly SortedSet<LiveParticipant> _byName = new(Comparer<LiveParticipant>.Create(ByName));

    public bool IsEmpty => _byUser.Count == 0;

    public static int ByName(LiveParticipant a, LiveParticipant b)
    {
        var name = string.CompareOrdinal(a.DisplayName, b.DisplayName);
        return name != 0 ? name : a.UserId.CompareTo(b.UserId);
    }

    public void Add(LiveParticipant participant)
    {
        if (_byUser.TryGetValue(participant.UserId, out var person))
        {
            _byUser[participant.UserId] = (person.Participant, person.Connections + 1);
            return;
        }

        _byUser[participant.UserId] = (participant, 1);
        _byName.Add(participant);
    }

    /// <summary>Counts one connection of the person gone; true when it was the person's last.</summary>
    public bool Remove(Guid userId)
    {
        if (!_byUser.TryGetValue(userId, out var person))
        {
            return false;
        }

        if (person.Connections > 1)
        {
            _byUser[userId] = (person.Participant, person.Connections - 1);
            return false;
        }

        _byUser.Remove(userId);
        _byName.Remove(person.Participant);
        return true;
    }

    public bool Contains(Guid userId) => _byUser.ContainsKey(userId);

    public IReadOnlyList<LiveParticipant> First(int count) => [.. _byName.Take(count)];
}
