using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
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

    private readonly X509Certificate2? _certificate;
    private readonly (string User, string Password)? _login;
    private readonly bool _implicitTls;

    /// <param name="port">A port of the test's choosing (e.g. one a Host was told of before the sink listened); any free one by default.</param>
    /// <param name="certificate">Offers STARTTLS with this certificate (or, with <paramref name="implicitTls"/>, speaks TLS from the first byte).</param>
    /// <param name="login">Requires AUTH PLAIN with this login before a message.</param>
    public SmtpSink(int port = 0, X509Certificate2? certificate = null, (string User, string Password)? login = null, bool implicitTls = false)
    {
        (_certificate, _login, _implicitTls) = (certificate, login, implicitTls);
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<Message> Messages { get; } = new();

    public sealed record Message(string To, string Subject, string Body)
    {
        /// <summary>Whether the message came over TLS.</summary>
        public bool OverTls { get; init; }

        /// <summary>Who signed in with AUTH before sending it.</summary>
        public string? User { get; init; }
    }

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
        Stream stream = client.GetStream();
        if (_implicitTls)
        {
            stream = await SecuredAsync(stream);
        }

        var (reader, writer) = Talk(stream);
        await writer.WriteLineAsync("220 sink ESMTP");
        var to = new List<string>();
        string? user = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    if (_certificate is not null && stream is not SslStream)
                    {
                        await writer.WriteLineAsync("250-STARTTLS");
                    }

                    if (_login is not null)
                    {
                        await writer.WriteLineAsync("250-AUTH PLAIN");
                    }

                    await writer.WriteLineAsync("250 sink");
                    break;
                case "STARTTLS":
                    await writer.WriteLineAsync("220 Go ahead");
                    stream = await SecuredAsync(stream);
                    (reader, writer) = Talk(stream);
                    break;
                case "AUTH":
                    // AUTH PLAIN base64("\0user\0password"), the initial response on the same line or the next.
                    var parts = line.Split(' ');
                    var response = parts.Length > 2 ? parts[2] : await AskAsync(reader, writer);
                    var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                    if (_login is { } login && fields.Length == 3 && fields[1] == login.User && fields[2] == login.Password)
                    {
                        user = fields[1];
                        await writer.WriteLineAsync("235 Authenticated");
                    }
                    else
                    {
                        await writer.WriteLineAsync("535 Authentication failed");
                    }

                    break;
                case "MAIL" when _login is not null && user is null:
                    await writer.WriteLineAsync("530 Authentication required");
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

                    Messages.Enqueue(Parse(string.Join(",", to), data.ToString()) with { OverTls = stream is SslStream, User = user });
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

    private static (StreamReader Reader, StreamWriter Writer) Talk(Stream stream) =>
        (new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true), new StreamWriter(stream, Encoding.ASCII, 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true });

    private static async Task<string> AskAsync(StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync() ?? "";
    }

    private async Task<SslStream> SecuredAsync(Stream plain)
    {
        var secured = new SslStream(plain, leaveInnerStreamOpen: false);
        await secured.AuthenticateAsServerAsync(_certificate!);
        return secured;
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
