using Npgsql;

namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>
/// LISTENs on a PostgreSQL channel until stopped, on a connection of its caller's own pool; when the connection is lost (a database
/// restart), it reports the failure and listens again a second later. Each notice's payload goes to <c>onNotice</c>;
/// <c>onListening</c> is told each time listening starts, and whether it is again (notices may have been missed in between).
/// </summary>
public static class PostgresListener
{
    public static async Task ListenAsync(NpgsqlDataSource source, string channel, Action<string> onNotice, Func<bool, Task> onListening,
        Action<Exception> onLost, CancellationToken stoppingToken)
    {
        var again = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync(stoppingToken);
                connection.Notification += (sender, e) => onNotice(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                await onListening(again);
                again = true;
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or IOException)
            {
                onLost(failure);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
