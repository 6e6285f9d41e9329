using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// A small SMTP server on loopback that accepts every message and keeps it, so tests read what
/// the product really sent over SMTP (RFC 5321: greeting, EHLO, MAIL, RCPT, DATA, QUIT).
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    /// <param name="port">A port of the test's choosing (e.g. one a Host was told of before the sink listened); any free one by default.</param>
    public SmtpSink(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<Message> Messages { get; } = new();

    public sealed record Message(string To, string Subject, string Body);

    /// <summary>Waits for a message to <paramref name="to"/>, optionally whose subject contains <paramref name="subject"/> (messages are sent after the response in some flows).</summary>
    public async Task<Message> WaitForAsync(string to, TimeSpan? timeout = null, string? subject = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var found = Messages.LastOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase)
                && (subject is null || m.Subject.Contains(subject, StringComparison.OrdinalIgnoreCase)));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"No message to {to} arrived.");
    }

    public static string LinkIn(Message message) => LinkPattern().Match(message.Body).Value;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ESMTP");
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 sink");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(' ', '<', '>'));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    Messages.Enqueue(Parse(string.Join(",", to), data.ToString()));
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    /// <summary>The message as its recipient reads it, decoded by MimeKit (encoded subjects, quoted-printable or base64 UTF-8 bodies).</summary>
    private static Message Parse(string to, string raw)
    {
        var message = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
        return new Message(to, message.Subject ?? "", message.TextBody ?? "");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
