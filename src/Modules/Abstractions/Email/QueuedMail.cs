using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace NucleusCloud.Modules.Abstractions.Email;

/// <summary>
/// The product's <see cref="IMailer"/>: a message becomes a Hangfire job (<see cref="MailJob"/>) in the database, so the
/// request that asked for it neither waits for the mail server nor fails with it (and a reset's answer takes as long whether
/// or not the address has an account), and the message survives a restart. The message is encrypted with the data-protection
/// key ring before it is stored: it may carry a one-time token.
/// </summary>
internal sealed class QueuedMailer(IBackgroundJobClient jobs, IDataProtectionProvider protection, IOptions<MailOptions> options) : IMailer
{
    public const string Purpose = "NucleusCloud.Mail.Queue";

    public Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        // Checked here, so that a caller hears of an address that can never be sent to.
        _ = MimeKit.MailboxAddress.Parse(to);
        var sealedMessage = protection.CreateProtector(Purpose).Protect(JsonSerializer.Serialize(new QueuedMessage(to, subject, textBody)));
        jobs.Enqueue<MailJob>(job => job.SendAsync(sealedMessage, CancellationToken.None));
        return Task.CompletedTask;
    }

    public string Link(string pathAndQuery) => options.Value.PublicUrl.TrimEnd('/') + pathAndQuery;
}

internal sealed record QueuedMessage(string To, string Subject, string Body);

/// <summary>
/// Sends one queued message. Hangfire retries a failure (the server down, refusing, or TLS or authentication failing) ten
/// times over about sixteen hours, with growing pauses (5 s to 8 h), then keeps the job as failed on the dashboard (<c>/jobs</c>) for an operator.
/// </summary>
internal sealed class MailJob(IDataProtectionProvider protection, SmtpDelivery delivery)
{
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 28800])]
    public Task SendAsync(string sealedMessage, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<QueuedMessage>(protection.CreateProtector(QueuedMailer.Purpose).Unprotect(sealedMessage))!;
        return delivery.SendAsync(message.To, message.Subject, message.Body, cancellationToken);
    }
}
