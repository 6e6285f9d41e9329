using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public string PickupDirectory { get; set; } = "data/mail";

    /// <summary>The address people reach the product at, for links in messages.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Sends e-mail. Every message the product sends goes through here.</summary>
public interface IMailer
{
    Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default);

    /// <summary>An absolute link to a path of the product, e.g. <c>/invitations/accept?…</c>.</summary>
    string Link(string pathAndQuery);
}

internal sealed class Mailer(IOptions<MailOptions> options, ILogger<Mailer> logger) : IMailer
{
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var message = new MailMessage(settings.From, to, subject, textBody);
        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var directory = Path.GetFullPath(settings.PickupDirectory);
            Directory.CreateDirectory(directory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = directory;
            // Nothing leaves the machine: say where the message is, links included, so a person can follow them.
            logger.LogInformation("Mail to {To} ({Subject}) written to {Directory}:\n{Body}", to, subject, directory, textBody);
        }
        else
        {
            client.Host = settings.SmtpHost;
            client.Port = settings.SmtpPort;
            client.EnableSsl = settings.SmtpTls;
            if (!string.IsNullOrEmpty(settings.SmtpUser))
            {
                client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
            }
        }

        await client.SendMailAsync(message, cancellationToken);
    }

    public string Link(string pathAndQuery) => options.Value.PublicUrl.TrimEnd('/') + pathAndQuery;
}
