using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;

namespace NucleusCloud.Modules.Abstractions.Cluster;

/// <summary>
/// Fixed-window budgets ("so many per minute per address") that hold across hosts, not per host: each host counts what it lets
/// through and tells the others its counts on the cluster channel (Redis or the database's notification) every quarter second, so
/// a budget spent through one host is spent on all of them within about a second (a burst over several hosts inside that quarter
/// second may pass the limit by what each host let through meanwhile). A window starts at a budget's first take on any host and is
/// told with the counts, so hosts share it as far as their clocks agree. Counts are absolute per host and window, so a notice lost
/// or heard twice does no lasting harm; a budget is forgotten once its window has passed. Only hashes of the budgets' keys (which
/// hold client addresses) leave the host.
/// </summary>
public sealed class ClusterBudgets : BackgroundService
{
    public const string Topic = "rate.budgets";
    public static readonly TimeSpan TellEvery = TimeSpan.FromMilliseconds(250);
    private const int MaxNoticeBytes = 7000; // PostgreSQL's NOTIFY takes at most 8000 bytes
    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Id, Budget Budget)> _changed = new();
    private readonly IClusterSignals _signals;
    private readonly TimeProvider _clock;
    private readonly Guid _host = Guid.NewGuid();

    public ClusterBudgets(IClusterSignals signals, TimeProvider clock)
    {
        _signals = signals;
        _clock = clock;
        signals.Subscribe(new ClusterTopic(Topic, message => { Hear(message); return Task.CompletedTask; }, () => Task.CompletedTask));
    }

    /// <summary>How many budgets this host holds (those of the current windows).</summary>
    public int Count => _budgets.Count;

    /// <summary>
    /// Takes one from the budget <paramref name="key"/> of <paramref name="limit"/> per <paramref name="window"/>, or says how long
    /// until its window ends when the cluster has spent it.
    /// </summary>
    public bool TryTake(string key, int limit, TimeSpan window, out TimeSpan retryAfter)
    {
        var id = Id(key, window);
        var now = Now();
        var budget = _budgets.GetOrAdd(id, _ => new Budget(window));
        lock (budget)
        {
            budget.Begin(now);
            if (budget.Spent >= limit)
            {
                retryAfter = TimeSpan.FromMilliseconds(budget.Start + (long)window.TotalMilliseconds - now);
                return false;
            }

            budget.Local++;
            budget.Spent++;
            if (!budget.Changed)
            {
                budget.Changed = true;
                _changed.Enqueue((id, budget));
            }
        }

        retryAfter = TimeSpan.Zero;
        return true;
    }

    /// <summary>What another host let through: its absolute counts per budget and window.</summary>
    private void Hear(string notice)
    {
        var lines = notice.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !Guid.TryParseExact(lines[0], "N", out var origin) || origin == _host)
        {
            return;
        }

        var now = Now();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ');
            if (parts.Length != 4
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var lengthTicks) || lengthTicks < TimeSpan.TicksPerSecond
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                continue;
            }

            var length = TimeSpan.FromTicks(lengthTicks);
            if (start + (long)length.TotalMilliseconds <= now)
            {
                continue; // a window already over
            }

            var budget = _budgets.GetOrAdd(parts[0], _ => new Budget(length));
            lock (budget)
            {
                if (budget.Hear(origin, start, count, now) && !budget.Changed)
                {
                    budget.Changed = true;
                    _changed.Enqueue((parts[0], budget));
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TellEvery, _clock);
        var sweep = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TellAsync();
            if (++sweep % 40 == 0)
            {
                ForgetPastWindows();
            }
        }
    }

    /// <summary>Tells the other hosts this host's counts of the budgets it changed since it last told them (every <see cref="TellEvery"/>).</summary>
    public async Task TellAsync()
    {
        var notice = new StringBuilder();
        while (_changed.TryDequeue(out var changed))
        {
            string line;
            lock (changed.Budget)
            {
                changed.Budget.Changed = false;
                line = string.Create(CultureInfo.InvariantCulture, $"{changed.Id} {changed.Budget.Length.Ticks} {changed.Budget.Start} {changed.Budget.Local}\n");
            }

            if (notice.Length + line.Length > MaxNoticeBytes)
            {
                await _signals.PublishAsync(Topic, notice.ToString());
                notice.Clear();
            }

            if (notice.Length == 0)
            {
                notice.Append(_host.ToString("N")).Append('\n');
            }

            notice.Append(line);
        }

        if (notice.Length > 0)
        {
            await _signals.PublishAsync(Topic, notice.ToString());
        }
    }

    /// <summary>Drops the budgets whose window has passed (every ten seconds).</summary>
    public void ForgetPastWindows()
    {
        var now = Now();
        foreach (var (id, budget) in _budgets)
        {
            lock (budget)
            {
                // A take racing this removal counts on a budget no longer held: at worst one permit more for that address.
                if (!budget.Changed && budget.Over(now))
                {
                    _budgets.TryRemove(new KeyValuePair<string, Budget>(id, budget));
                }
            }
        }
    }

    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Id(string key, TimeSpan window)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{window.Ticks}\n{key}"), hash);
        return Base64Url.EncodeToString(hash[..12]);
    }

    /// <summary>
    /// One budget's counts in its current window: this host's, and each other host's as last told. A window starts at the first
    /// take anywhere (as the framework's fixed windows do); hosts that started one at the same moment settle on the earlier.
    /// </summary>
    private sealed class Budget(TimeSpan length)
    {
        private readonly Dictionary<Guid, int> _others = [];
        private readonly long _lengthMs = (long)length.TotalMilliseconds;

        public TimeSpan Length { get; } = length;

        /// <summary>When the current window started (Unix milliseconds), or 0 when there is none.</summary>
        public long Start { get; private set; }

        public int Local { get; set; }

        /// <summary>This host's count and the others' together.</summary>
        public int Spent { get; set; }

        public bool Changed { get; set; }

        public bool Over(long now) => Start == 0 || now >= Start + _lengthMs;

        /// <summary>Ends a window that has passed, and starts one now when there is none.</summary>
        public void Begin(long now)
        {
            if (Over(now))
            {
                Restart(now, keepLocal: false);
            }
        }

        /// <summary>Counts what another host told; true when this host's own count must be told again (its window changed).</summary>
        public bool Hear(Guid origin, long start, int count, long now)
        {
            var retell = false;
            if (Over(now))
            {
                Restart(start, keepLocal: false); // no window here: take the other host's
            }
            else if (start < Start)
            {
                // The other host's window began first: take it. This host's takes fell within it too, and are told again as of it;
                // so are the other hosts' (at their next take or change of window).
                Restart(start, keepLocal: true);
                retell = Local > 0;
            }

            // A host's count only grows within a window: an older notice heard late changes nothing.
            if (start == Start && count > _others.GetValueOrDefault(origin))
            {
                Spent += count - _others.GetValueOrDefault(origin);
                _others[origin] = count;
            }

            return retell;
        }

        private void Restart(long start, bool keepLocal)
        {
            Start = start;
            Local = keepLocal ? Local : 0;
            Spent = Local;
            _others.Clear();
        }
    }
}
