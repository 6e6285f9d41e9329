using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace NucleusCloud.Modules.Abstractions.Email;

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "NucleusCloud <no-reply@nucleuscloud.localhost>";

    /// <summary>SMTP server; when empty, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public bool SmtpTls { get; set; }

    /// <summary>With <see cref="SmtpTls"/>: TLS from the first byte (implicit TLS) rather than STARTTLS. On by itself on port 465.</summary>
    public bool SmtpImplicitTls { get; set; }

    /// <summary>
    /// The SHA-256 fingerprint (hex) of an SMTP server certificate to accept although no trusted authority signed it (a relay
    /// with a government's internal certificate). Certificates that the machine trusts are accepted anyway; nothing else is.
    /// </summary>
    public string? SmtpCertificateSha256 { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Where messages go without an SMTP server. Production must name it (or an SMTP host) explicitly.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The pickup directory used in development when none is configured.</summary>
    public const string DefaultPickupDirectory = "data/mail";

    /// <summary>
    /// Print the links of a message written to the pickup directory on the console, so a developer can
    /// follow an invitation or a reset. Honoured in the Development environment only (its
    /// <c>appsettings.Development.json</c> turns it on): links carry one-time tokens.
    /// </summary>
    public bool LogLinks { get; set; }

    /// <summary>The address people reach the product at, for links in messages.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";
}

/// <summary>The SMTP server could not be reached or did not take the message; <see cref="Reason"/> says which, without the address.</summary>
public sealed class MailNotSentException(Exception cause) : Exception("The mail server did not take the message.", cause)
{
    public string Reason => InnerException switch
    {
        SmtpCommandException command => $"{command.ErrorCode} ({(int)command.StatusCode})",
        { } other => other.GetType().Name,
        null => "unknown",
    };
}

/// <summary>
/// Sends e-mail. Every message the product sends goes through here. <see cref="SendAsync"/> queues the message as a
/// background job and returns: the job sends it, on whichever host, and retries while the server does not take it.
/// </summary>
public interface IMailer
{
    Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default);

    /// <summary>An absolute link to a path of the product, e.g. <c>/invitations/accept?…</c>.</summary>
    string Link(string pathAndQuery);
}

/// <summary>
/// Sends one message now, through MailKit (System.Net.Mail's SmtpClient is not recommended for new code), or writes it as an
/// .eml file; a failure is a <see cref="MailNotSentException"/>. Only <see cref="MailJob"/> calls it.
/// Message bodies are never logged: they carry invitation, reset and confirmation tokens. Only a
/// developer's console may show a message's links (<see cref="MailOptions.LogLinks"/>).
/// </summary>
internal sealed partial class SmtpDelivery(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<SmtpDelivery> logger)
{
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart(TextFormat.Plain) { Text = textBody };
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var directory = Path.GetFullPath(settings.PickupDirectory ?? MailOptions.DefaultPickupDirectory);
            Directory.CreateDirectory(directory);
            await message.WriteToAsync(Path.Combine(directory, $"{Guid.NewGuid():N}.eml"), cancellationToken);
            LogWritten(subject, directory);
            if (settings.LogLinks && environment.IsDevelopment())
            {
                foreach (Match link in Links().Matches(textBody))
                {
                    LogLink(subject, link.Value);
                }
            }

            return;
        }

        using var client = new SmtpClient();
        if (!string.IsNullOrWhiteSpace(settings.SmtpCertificateSha256))
        {
            var pinned = settings.SmtpCertificateSha256.Replace(":", "", StringComparison.Ordinal).Trim();
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (certificate is not null && string.Equals(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase));
        }

        // Mail:SmtpTls asks for TLS: from the first byte on the submissions port 465 (or with Mail:SmtpImplicitTls), by STARTTLS
        // (required, not merely tried) elsewhere.
        var security = !settings.SmtpTls ? SecureSocketOptions.None
            : settings.SmtpImplicitTls || settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        try
        {
            await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUser))
            {
                await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // One failure type for callers, whatever MailKit or the network threw (refused, TLS, authentication, a rejected recipient).
            throw new MailNotSentException(failure);
        }
    }

    [GeneratedRegex(@"https?://\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Links();

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail \"{Subject}\" written to {Directory}")]
    private partial void LogWritten(string subject, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development only (Mail:LogLinks): \"{Subject}\" links to {Link}")]
    private partial void LogLink(string subject, string link);
}

/// <summary>Production sends mail somewhere on purpose: an SMTP server, or a pickup directory that an operator named.</summary>
internal sealed class MailOptionsValidation(IHostEnvironment environment) : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options) =>
        environment.IsProduction() && string.IsNullOrWhiteSpace(options.SmtpHost) && string.IsNullOrWhiteSpace(options.PickupDirectory)
            ? ValidateOptionsResult.Fail("Production needs Mail:SmtpHost (an SMTP server) or an explicit Mail:PickupDirectory: mail would otherwise pile up unread under data/mail.")
            : ValidateOptionsResult.Success;
}
