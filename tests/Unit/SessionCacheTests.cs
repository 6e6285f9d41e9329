using Microsoft.Extensions.Caching.Memory;
using NucleusCloud.Modules.Abstractions.Cluster;
using NucleusCloud.Modules.Identity.Sessions;

namespace NucleusCloud.Tests.Unit;

/// <summary>
/// What a host remembers of sign-ins: kept between requests, and never an answer read before a revocation kept after it — whether
/// the revocation is made on this host, heard from another, or is news this host may have missed.
/// </summary>
public sealed class SessionCacheTests
{
    private readonly Signals _signals = new();
    private readonly SessionCache _cache;

    public SessionCacheTests() => _cache = new SessionCache(new MemoryCache(new MemoryCacheOptions()), _signals);

    [Fact]
    public async Task A_stamp_read_is_kept_for_the_next_requests()
    {
        var user = Guid.NewGuid();
        (await _cache.StampAsync(user, () => Task.FromResult<string?>("first"))).ShouldBe("first");
        (await _cache.StampAsync(user, () => throw new InvalidOperationException("read again"))).ShouldBe("first");
    }

    [Fact]
    public async Task A_stamp_read_while_the_user_is_forgotten_here_is_not_kept()
    {
        var user = Guid.NewGuid();
        await ReadWhileAsync<string?>(read => _cache.StampAsync(user, read), () => _cache.ForgetUserAsync(user), "old");
        (await _cache.StampAsync(user, () => Task.FromResult<string?>("new"))).ShouldBe("new", "the request after the revocation reads again");
        _signals.Published.ShouldBe([("identity.session-user", user.ToString("N"))], "and the other hosts were told");
    }

    [Fact]
    public async Task A_family_read_while_another_host_revokes_it_is_not_kept()
    {
        var family = Guid.NewGuid();
        await ReadWhileAsync(read => _cache.FamilyRevokedAsync(family, read), () => _signals.Hear("identity.session-family", family.ToString("N")), false);
        (await _cache.FamilyRevokedAsync(family, () => Task.FromResult(true))).ShouldBeTrue("the request after the news reads again");
    }

    [Fact]
    public async Task A_stamp_read_while_this_host_may_have_missed_news_is_not_kept()
    {
        var user = Guid.NewGuid();
        await ReadWhileAsync<string?>(read => _cache.StampAsync(user, read), _signals.Miss, "old");
        (await _cache.StampAsync(user, () => Task.FromResult<string?>("new"))).ShouldBe("new");
    }

    [Fact]
    public async Task Forgetting_one_user_leaves_what_is_kept_of_the_others()
    {
        var (forgotten, other) = (Guid.NewGuid(), Guid.NewGuid());
        await _cache.StampAsync(forgotten, () => Task.FromResult<string?>("a"));
        await _cache.StampAsync(other, () => Task.FromResult<string?>("b"));
        await _cache.ForgetUserAsync(forgotten);
        (await _cache.StampAsync(forgotten, () => Task.FromResult<string?>("a2"))).ShouldBe("a2");
        (await _cache.StampAsync(other, () => throw new InvalidOperationException("read again"))).ShouldBe("b");
    }

    /// <summary>Starts a read, revokes while the database answers, then lets it answer what it read before: the request that began before sees it.</summary>
    private static async Task ReadWhileAsync<T>(Func<Func<Task<T>>, Task<T>> read, Func<Task> revoke, T before)
    {
        var database = new TaskCompletionSource<T>();
        var reading = read(() => database.Task);
        reading.IsCompleted.ShouldBeFalse("the read waits for the database");
        await revoke();
        database.SetResult(before);
        (await reading).ShouldBe(before);
    }

    private sealed class Signals : IClusterSignals
    {
        private readonly List<ClusterTopic> _topics = [];

        public List<(string Topic, string Message)> Published { get; } = [];

        public Task PublishAsync(string topic, string message)
        {
            Published.Add((topic, message));
            return Task.CompletedTask;
        }

        public void Subscribe(ClusterTopic topic) => _topics.Add(topic);

        public Task Hear(string topic, string message) => _topics.Single(t => t.Name == topic).OnMessage(message);

        public async Task Miss()
        {
            foreach (var topic in _topics)
            {
                await topic.OnMissed();
            }
        }
    }
}
