using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace NucleusCloud.Modules.Abstractions.Jobs;

/// <summary>
/// Hangfire's logging is process-wide, ours is per Host: Hangfire's messages go to the log of the Host started last that
/// is still running (in production there is one), and are dropped while none runs. Hangfire's own ASP.NET Core provider
/// would keep the first Host's logger factory, and fail once that Host stopped.
/// </summary>
internal sealed class JobLogging : ILogProvider
{
    public static readonly JobLogging Instance = new();
    private readonly List<ILoggerFactory> _hosts = [];

    public void Attach(ILoggerFactory host)
    {
        lock (_hosts)
        {
            _hosts.Add(host);
        }
    }

    public void Detach(ILoggerFactory host)
    {
        lock (_hosts)
        {
            _hosts.Remove(host);
        }
    }

    public ILog GetLogger(string name) => new Forwarding(this, name);

    private ILogger? Current(string name)
    {
        lock (_hosts)
        {
            return _hosts.Count == 0 ? null : _hosts[^1].CreateLogger(name);
        }
    }

    private sealed class Forwarding(JobLogging logging, string name) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (logging.Current(name) is not { } logger)
            {
                return false;
            }

            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug => LogLevel.Debug,
                HangfireLevel.Info => LogLevel.Information,
                HangfireLevel.Warn => LogLevel.Warning,
                HangfireLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };

            // Hangfire asks whether a level is on by passing no message.
            if (messageFunc is null)
            {
                return logger.IsEnabled(level);
            }

#pragma warning disable CA2254 // Hangfire's messages arrive formatted.
            logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
            return true;
        }
    }
}
