using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Email;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Contacts;

/// <summary>
/// E-mail to an organisation's people, honouring consent: only those who agreed to be contacted (and have an
/// address) receive it, each message saying why they receive it; the sending is recorded as a touch point.
/// </summary>
internal sealed class ConsentedMail(CrmDbContext db, ICaller caller, ITenantContext tenant, IMailer mailer, TimeProvider clock)
{
    public async Task<Outcome<MailingReport>> SendAsync(Guid organisationId, OrganisationMailing mailing, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's CRM users, owners and administrators write to its contacts.");
        }

        if (string.IsNullOrWhiteSpace(mailing.Subject) || mailing.Subject.Length > 200 || mailing.Subject.Contains('\n') || mailing.Subject.Contains('\r'))
        {
            return Refusal.Invalid("subject", "Give a one-line subject of at most 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(mailing.Body) || mailing.Body.Length > 10_000)
        {
            return Refusal.Invalid("body", "Write the message (at most 10,000 characters).");
        }

        if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken) is not { } organisation)
        {
            return Refusal.NotFound("Organisation");
        }

        var people = await db.Contacts.AsNoTracking().Where(c => c.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var reachable = people.Where(c => c.ConsentToContact && !string.IsNullOrWhiteSpace(c.Email)).ToList();
        if (reachable.Count == 0)
        {
            return Refusal.Conflict($"No one at {organisation.Name} has agreed to be contacted by e-mail; nothing was sent.");
        }

        var sent = reachable.Count;
        var interaction = new Interaction
        {
            TenantId = tenant.RequiredTenant.Id,
            OrganisationId = organisationId,
            Kind = InteractionKind.Email,
            OccurredOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            Summary = $"E-mail to {sent} {(sent == 1 ? "person" : "people")}: {mailing.Subject.Trim()}",
            RecordedBy = caller.UserId(),
            RecordedAt = clock.GetStorableUtcNow(),
        };
        db.Interactions.Add(interaction);
        db.Outbox.Add(OutboxMessage.For(interaction.ToEvent(), interaction.RecordedAt));
        await db.SaveChangesAsync(cancellationToken);

        // Queued: each message is sent by a background job, which retries while the mail server does not take it.
        foreach (var person in reachable)
        {
            var why = $"You receive this because you agreed to be contacted by {tenant.RequiredTenant.Name} ({person.ConsentSource}). Reply to say if you no longer wish to be.";
            await mailer.SendAsync(person.Email!, mailing.Subject.Trim(), $"{mailing.Body.Trim()}\n\n--\n{why}", cancellationToken);
        }

        return new MailingReport(sent, people.Count - reachable.Count);
    }
}
