using NucleusCloud.Modules.Abstractions.Cluster;

namespace NucleusCloud.Tests.Unit;

/// <summary>Budgets that hold across hosts: hosts on one wire (what Redis or the database's notification carry between processes).</summary>
public sealed class ClusterBudgetsTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 10, TimeSpan.Zero));
    private readonly Wire _wire = new();

    [Fact]
    public void A_single_host_lets_the_limit_through_and_then_says_when_the_window_ends()
    {
        var host = new ClusterBudgets(_wire.Host(), _clock);
        Enumerable.Range(0, 5).Select(attempt => host.TryTake("search:10.0.0.1", 5, Minute, out _)).ShouldAllBe(taken => taken);

        host.TryTake("search:10.0.0.1", 5, Minute, out var retryAfter).ShouldBeFalse();
        retryAfter.ShouldBe(Minute, "the window began at the first take");
        _clock.Advance(TimeSpan.FromSeconds(45));
        host.TryTake("search:10.0.0.1", 5, Minute, out retryAfter).ShouldBeFalse();
        retryAfter.ShouldBe(TimeSpan.FromSeconds(15));
        host.TryTake("search:10.0.0.2", 5, Minute, out _).ShouldBeTrue("another address has its own budget");
    }

    [Fact]
    public async Task What_one_host_let_through_is_spent_on_the_others_once_told()
    {
        var (first, second) = (new ClusterBudgets(_wire.Host(), _clock), new ClusterBudgets(_wire.Host(), _clock));
        for (var i = 0; i < 4; i++)
        {
            first.TryTake("sign-in:10.0.0.1", 5, Minute, out _).ShouldBeTrue();
        }

        await first.TellAsync();
        second.TryTake("sign-in:10.0.0.1", 5, Minute, out _).ShouldBeTrue("one of five is left");
        second.TryTake("sign-in:10.0.0.1", 5, Minute, out _).ShouldBeFalse();
        await second.TellAsync();
        first.TryTake("sign-in:10.0.0.1", 5, Minute, out _).ShouldBeFalse("the second host's take reached the first");
    }

    [Fact]
    public async Task Counts_told_twice_or_late_are_not_counted_twice()
    {
        var (first, second) = (new ClusterBudgets(_wire.Host(), _clock), new ClusterBudgets(_wire.Host(), _clock));
        first.TryTake("k", 3, Minute, out _).ShouldBeTrue();
        await first.TellAsync();
        _wire.Replay(); // the same notice heard again
        first.TryTake("k", 3, Minute, out _).ShouldBeTrue();
        await first.TellAsync();
        _wire.Replay(0); // the first, older notice heard after the second

        second.TryTake("k", 3, Minute, out _).ShouldBeTrue("two of three are spent, not more");
        second.TryTake("k", 3, Minute, out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_new_window_starts_afresh_everywhere_and_past_windows_are_forgotten()
    {
        var (first, second) = (new ClusterBudgets(_wire.Host(), _clock), new ClusterBudgets(_wire.Host(), _clock));
        first.TryTake("k", 1, Minute, out _).ShouldBeTrue();
        await first.TellAsync();
        second.TryTake("k", 1, Minute, out _).ShouldBeFalse();

        _clock.Advance(Minute);
        second.TryTake("k", 1, Minute, out _).ShouldBeTrue("the first window is over");
        await second.TellAsync();
        first.TryTake("k", 1, Minute, out _).ShouldBeFalse("the first host took the second's new window and its count");

        _clock.Advance(Minute);
        first.ForgetPastWindows();
        second.ForgetPastWindows();
        (first.Count, second.Count).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Hosts_that_began_a_window_each_settle_on_the_earlier_and_count_both_takes()
    {
        var (first, second) = (new ClusterBudgets(_wire.Host(), _clock), new ClusterBudgets(_wire.Host(), _clock));
        first.TryTake("k", 2, Minute, out _).ShouldBeTrue();
        _clock.Advance(TimeSpan.FromSeconds(1));
        second.TryTake("k", 2, Minute, out _).ShouldBeTrue("the second host has not heard of the first's take yet");
        await second.TellAsync();
        await first.TellAsync(); // the second takes the first's earlier window, and tells its take again as of it
        await second.TellAsync();

        first.TryTake("k", 2, Minute, out _).ShouldBeFalse();
        second.TryTake("k", 2, Minute, out var retryAfter).ShouldBeFalse();
        retryAfter.ShouldBe(TimeSpan.FromSeconds(59), "the earlier window ends first");
        _clock.Advance(TimeSpan.FromSeconds(59));
        (first.TryTake("k", 2, Minute, out _), second.TryTake("k", 2, Minute, out _)).ShouldBe((true, true));
    }

    [Fact]
    public async Task Many_budgets_changed_at_once_are_told_in_notices_the_database_can_carry()
    {
        var (first, second) = (new ClusterBudgets(_wire.Host(), _clock), new ClusterBudgets(_wire.Host(), _clock));
        for (var i = 0; i < 2000; i++)
        {
            first.TryTake($"search:10.0.{i / 256}.{i % 256}", 1, Minute, out _).ShouldBeTrue();
        }

        await first.TellAsync();
        _wire.Notices.Count.ShouldBeGreaterThan(1);
        _wire.Notices.ShouldAllBe(n => System.Text.Encoding.UTF8.GetByteCount(n) < 8000);
        for (var i = 0; i < 2000; i++)
        {
            second.TryTake($"search:10.0.{i / 256}.{i % 256}", 1, Minute, out _).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Concurrent_takes_through_one_host_never_pass_the_limit()
    {
        var host = new ClusterBudgets(_wire.Host(), _clock);
        var taken = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                if (host.TryTake("k", 100, Minute, out _))
                {
                    Interlocked.Increment(ref taken);
                }
            }
        })));
        taken.ShouldBe(100);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>Carries every notice to every host's topic, as the cluster channel does (the sender ignores its own).</summary>
    private sealed class Wire
    {
        private readonly List<ClusterTopic> _topics = [];

        public List<string> Notices { get; } = [];

        public IClusterSignals Host() => new Signals(this);

        public void Replay(int? index = null)
        {
            var notice = Notices[index ?? Notices.Count - 1];
            _topics.ForEach(t => t.OnMessage(notice).GetAwaiter().GetResult());
        }

        private sealed class Signals(Wire wire) : IClusterSignals
        {
            public void Subscribe(ClusterTopic topic) => wire._topics.Add(topic);

            public async Task PublishAsync(string topic, string message)
            {
                wire.Notices.Add(message);
                foreach (var subscriber in wire._topics.Where(t => t.Name == topic))
                {
                    await subscriber.OnMessage(message);
                }
            }
        }
    }
}
