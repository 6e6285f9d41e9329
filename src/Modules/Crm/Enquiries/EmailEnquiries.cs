using NucleusCloud.Modules.Abstractions.Plans;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Text;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Enquiries;

/// <summary>
/// An enquiry from an e-mail saved as <c>.eml</c> (parsed by MimeKit): the sender, subject and text (an HTML-only
/// message read as its text), received when the message says it was sent unless that is in the future. The same
/// message (by its Message-Id) is imported once.
/// </summary>
internal sealed class EmailEnquiries(CrmDbContext db, ICaller caller, ITenantContext tenant, IPlanLimits plan, TimeProvider clock)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    private const int MaxSubject = 200;
    private const int MaxMessage = 5_000;

    public async Task<Outcome<EnquiryListItem>> ImportAsync(Stream eml, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's CRM users, owners and administrators import enquiries.");
        }

        if (await plan.RefuseUnlessAsync(PlanFeatures.CrmMailImport, cancellationToken) is { } notInPlan)
        {
            return notInPlan;
        }

        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(eml, cancellationToken);
        }
        catch (FormatException)
        {
            return Refusal.Invalid("file", "This is not an e-mail message: save the message as .eml and send that file.");
        }

        if (message.From.Mailboxes.FirstOrDefault() is not { } sender || !EmailAddresses.IsValid(sender.Address) || sender.Address.Length > 256)
        {
            return Refusal.Invalid("file", "The message names no sender with a valid e-mail address in its From header.");
        }

        var text = Text(message);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Refusal.Invalid("file", "The message has no text to take the enquiry from.");
        }

        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : Clip(message.MessageId.Trim(), 300);
        if (messageId is not null && await db.Enquiries.AsNoTracking().FirstOrDefaultAsync(e => e.MessageId == messageId, cancellationToken) is { } earlier)
        {
            return Refusal.Conflict($"This e-mail was imported already, as the enquiry \"{earlier.Subject}\" ({earlier.Id}).");
        }

        var now = clock.GetStorableUtcNow();
        var sent = message.Date == DateTimeOffset.MinValue || message.Date > now ? now : message.Date.ToUniversalTime();
        var enquiry = new Enquiry
        {
            TenantId = tenant.RequiredTenant.Id,
            ReceivedAt = sent,
            Source = "email",
            MessageId = messageId,
            ContactName = Clip(string.IsNullOrWhiteSpace(sender.Name) ? sender.Address : sender.Name.Trim(), 200),
            ContactEmail = sender.Address,
            Subject = Clip(string.IsNullOrWhiteSpace(message.Subject) ? "(no subject)" : message.Subject.Trim(), MaxSubject),
            Message = Clip(text, MaxMessage),
        };
        db.Enquiries.Add(enquiry);
        db.Outbox.Add(OutboxMessage.For(enquiry.ToEvent(), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (messageId is not null)
        {
            // The same message imported twice at once: the unique index lets one in.
            return Refusal.Conflict("This e-mail was imported already.");
        }

        return enquiry.ToListItem();
    }

    private static string Text(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.TextBody))
        {
            return message.TextBody.Trim();
        }

        return message.HtmlBody is { } html ? new HtmlParser().ParseDocument(html).Body?.TextContent.Trim() ?? "" : "";
    }

    /// <summary>Cuts overlong text with an ellipsis, so the enquiry says it was shortened.</summary>
    private static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
