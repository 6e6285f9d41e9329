using Microsoft.Extensions.Hosting;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// When this host is told to stop (a rolling update, a scale-down), its live connections are told <c>hostStopping</c> first and
/// given a moment to close themselves and reconnect — through the balancer, to another host, where they replay what they missed
/// by sequence — before SignalR closes what is left. Without it the host drops them unannounced (the client sees an abnormal
/// close, 1006) and each client learns only from the broken socket.
/// </summary>
internal sealed class HostStopping(IHostApplicationLifetime lifetime, LiveDispatcher dispatcher, LiveConnections connections) : IHostedService
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Registered after SignalR's own (made when the hub was mapped): the stopping callbacks run newest first, so this one
        // speaks before SignalR closes the connections. The callbacks are synchronous, hence the bounded wait.
        lifetime.ApplicationStopping.Register(() => TellAndWaitAsync().Wait(Grace + TimeSpan.FromSeconds(1)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task TellAndWaitAsync()
    {
        using var grace = new CancellationTokenSource(Grace);
        try
        {
            await dispatcher.HostStoppingAsync(grace.Token);
            while (!connections.IsEmpty)
            {
                await Task.Delay(50, grace.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Grace is over: SignalR closes the rest.
        }
        catch (Exception failure) when (failure is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // A connection that broke meanwhile: SignalR closes the rest, and shutdown goes on.
        }
    }
}
