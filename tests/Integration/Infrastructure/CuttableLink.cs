using System.Net;
using System.Net.Sockets;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// A TCP relay on a loopback port to a server (PostgreSQL), that a test can cut — every relayed connection closed, new ones
/// refused — and mend: one host's link to the database, failing while the other hosts' hold.
/// </summary>
public sealed class CuttableLink : IAsyncDisposable
{
    private readonly IPEndPoint _server;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopped = new();
    private readonly List<TcpClient> _open = [];
    private volatile bool _cut;

    public CuttableLink(int serverPort)
    {
        _server = new IPEndPoint(IPAddress.Loopback, serverPort);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Closes every relayed connection; until <see cref="Mend"/>, new ones are closed as soon as they arrive.</summary>
    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            _open.ForEach(c => c.Dispose());
            _open.Clear();
        }
    }

    public void Mend() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stopped.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopped.Token);
            }
            catch (Exception) when (_stopped.IsCancellationRequested)
            {
                return;
            }

            if (_cut)
            {
                client.Dispose();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        lock (_open)
        {
            _open.Add(client);
            _open.Add(server);
        }

        try
        {
            await server.ConnectAsync(_server, _stopped.Token);
            var (up, down) = (client.GetStream(), server.GetStream());
            await Task.WhenAny(up.CopyToAsync(down, _stopped.Token), down.CopyToAsync(up, _stopped.Token));
        }
        catch (Exception failure) when (failure is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Cut, or closed by either side.
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopped.Cancel();
        _listener.Stop();
        Cut();
        _stopped.Dispose();
        return ValueTask.CompletedTask;
    }
}
