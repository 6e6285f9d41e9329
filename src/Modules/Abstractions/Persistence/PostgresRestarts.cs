using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>
/// Carries the Host through a PostgreSQL restart (a minor upgrade, a fail-over) with few failed requests. A connection opened while
/// the server is down or starting is tried again for up to <see cref="OpeningPatience"/> — nothing has been sent on it yet, so this
/// is safe for any request. And since the driver keeps the connections a restart broke in its pool (npgsql/npgsql#5073), handing each
/// out once more to fail, the first command that finds its connection broken this way clears the pool. What still fails (a request
/// whose connection broke under it) is the API's 503 with Retry-After (<see cref="Http.ApiExceptionHandler"/>).
/// </summary>
internal sealed class PostgresRestarts : DbConnectionInterceptor, IDbCommandInterceptor
{
    public static readonly PostgresRestarts Instance = new();

    /// <summary>Longer than a fast restart takes; short enough that a request against a server that stays down answers 503 soon.</summary>
    internal static readonly TimeSpan OpeningPatience = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    private PostgresRestarts()
    {
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        if (result.IsSuppressed)
        {
            return result;
        }

        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                return InterceptionResult.Suppress(); // opened here: EF goes on as if it had opened it
            }
            catch (NpgsqlException failure) when (failure.IsTransient && Stopwatch.GetElapsedTime(started) + Pause < OpeningPatience)
            {
                await Task.Delay(Pause, cancellationToken);
            }
        }
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ClearPoolIfRestarted(command, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolIfRestarted(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void ClearPoolIfRestarted(DbCommand command, Exception exception)
    {
        if (command.Connection is NpgsqlConnection connection && BrokenByRestart(exception))
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>The server closed the session (shut down, crashed, terminated it), or the socket under it broke.</summary>
    internal static bool BrokenByRestart(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.InnerException is IOException or System.Net.Sockets.SocketException,
        _ => false,
    };
}
