using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Contacts;

/// <summary>An organisation's people (with their consent to be contacted) and its touch points, and the timelines drawn from them.</summary>
internal sealed class ContactBook(CrmDbContext db, ICaller caller, ITenantContext tenant, IValidator<ContactRequest> contacts,
    IValidator<InteractionRequest> interactions, TimeProvider clock)
{
    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only the tenant's CRM users, owners and administrators change its contacts and touch points.");

    public async Task<Outcome<ContactDetails>> AddContactAsync(Guid organisationId, ContactRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, contacts, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return Refusal.NotFound("Organisation");
        }

        if (await SameEmailAsync(request.Email, except: null, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        var now = clock.GetStorableUtcNow();
        var contact = new Contact { OrganisationId = organisationId, Name = "", CreatedAt = now, UpdatedAt = now };
        Apply(contact, request, now);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        return contact.ToDetails();
    }

    public async Task<Outcome<ContactDetails>> UpdateContactAsync(Guid id, ContactRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, contacts, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return Refusal.NotFound("Contact");
        }

        if (request.Version is { } sent && sent != contact.Version)
        {
            return Refusal.Stale("contact", contact.Version, sent);
        }

        if (await SameEmailAsync(request.Email, except: id, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        var now = clock.GetStorableUtcNow();
        Apply(contact, request, now);
        contact.UpdatedAt = now;
        contact.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("contact");
        }

        return contact.ToDetails();
    }

    /// <summary>The person goes, and so does their name on touch points (which stay, with the organisation).</summary>
    public async Task<Outcome<bool>> DeleteContactAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return Refusal.NotFound("Contact");
        }

        foreach (var interaction in await db.Interactions.Where(i => i.ContactId == id).ToListAsync(cancellationToken))
        {
            interaction.ContactId = null;
        }

        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<Outcome<InteractionDetails>> RecordAsync(Guid organisationId, InteractionRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, interactions, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return Refusal.NotFound("Organisation");
        }

        if (request.ContactId is { } contact && !await db.Contacts.AnyAsync(c => c.Id == contact && c.OrganisationId == organisationId, cancellationToken))
        {
            return Refusal.Invalid("contactId", "No contact of this organisation has this id.");
        }

        var interaction = new Interaction
        {
            TenantId = tenant.RequiredTenant.Id,
            OrganisationId = organisationId,
            ContactId = request.ContactId,
            Kind = request.Kind!.Value,
            OccurredOn = request.OccurredOn!.Value,
            Summary = request.Summary!.Trim(),
            RecordedBy = caller.UserId(),
            RecordedAt = clock.GetStorableUtcNow(),
        };
        db.Interactions.Add(interaction);
        db.Outbox.Add(OutboxMessage.For(interaction.ToEvent(), interaction.RecordedAt));
        await db.SaveChangesAsync(cancellationToken);
        return interaction.ToDetails();
    }

    /// <summary>A touch point recorded by mistake goes; the strategy hears it no longer counts.</summary>
    public async Task<Outcome<bool>> DeleteInteractionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (await db.Interactions.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } interaction)
        {
            return Refusal.NotFound("Touch point");
        }

        db.Interactions.Remove(interaction);
        db.Outbox.Add(OutboxMessage.For(interaction.ToEvent(deleted: true), clock.GetStorableUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>An organisation's contacts by name; null when there is no such organisation.</summary>
    public async Task<IReadOnlyList<ContactDetails>?> ContactsAsync(Guid organisationId, CancellationToken cancellationToken) =>
        await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken)
            ? [.. (await db.Contacts.AsNoTracking().Where(c => c.OrganisationId == organisationId).OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(cancellationToken)).Select(c => c.ToDetails())]
            : null;

    /// <summary>Touch points, opportunities and enquiries of an organisation, newest first; null when there is no such organisation.</summary>
    public async Task<IReadOnlyList<TimelineEntry>?> OrganisationTimelineAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return null;
        }

        var touches = await db.Interactions.AsNoTracking().Where(i => i.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => o.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var enquiries = await db.Enquiries.AsNoTracking().Where(e => e.OrganisationId == organisationId).ToListAsync(cancellationToken);
        return
        [
            .. touches.Select(Entry)
                .Concat(opportunities.Select(o => new TimelineEntry("opportunity", o.Id, o.CreatedAt, o.Title, o.Stage.ToString())))
                .Concat(enquiries.Select(e => new TimelineEntry("enquiry", e.Id, e.ReceivedAt, e.Subject, e.Status.ToString())))
                .OrderByDescending(e => e.At).ThenBy(e => e.Id),
        ];
    }

    /// <summary>A person's touch points, newest first; null when there is no such contact.</summary>
    public async Task<IReadOnlyList<TimelineEntry>?> ContactTimelineAsync(Guid contactId, CancellationToken cancellationToken) =>
        !await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken) ? null
            : [.. (await db.Interactions.AsNoTracking().Where(i => i.ContactId == contactId).ToListAsync(cancellationToken)).Select(Entry).OrderByDescending(e => e.At).ThenBy(e => e.Id)];

    private static TimelineEntry Entry(Interaction i) =>
        new("interaction", i.Id, new DateTimeOffset(i.OccurredOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), i.Kind.ToString(), i.Summary);

    /// <summary>One person, one record: an e-mail address already on another contact (any case) is a duplicate to edit, not to add.</summary>
    private async Task<Refusal?> SameEmailAsync(string? email, Guid? except, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var wanted = email.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(), the same on both providers
        var sameAddress = db.Contacts.AsNoTracking().Where(c => c.Email != null && c.Email.ToLower() == wanted && c.Id != except);
#pragma warning restore CA1304, CA1311, CA1862
        var other = await sameAddress
            .Join(db.Organisations.AsNoTracking(), c => c.OrganisationId, o => o.Id, (c, o) => new { c.Name, Organisation = o.Name }).FirstOrDefaultAsync(cancellationToken);
        return other is null ? null : Refusal.Invalid("email", $"{other.Name} ({other.Organisation}) already has this e-mail address; edit that contact instead of adding another.");
    }

    /// <summary>Consent carries its source and the moment it was recorded; withdrawing it clears both.</summary>
    private static void Apply(Contact contact, ContactRequest request, DateTimeOffset now)
    {
        contact.Name = request.Name!.Trim();
        contact.Role = string.IsNullOrWhiteSpace(request.Role) ? null : request.Role.Trim();
        contact.Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        contact.Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        var consent = request.ConsentToContact ?? false;
        if (consent && (!contact.ConsentToContact || contact.ConsentSource != request.ConsentSource?.Trim()))
        {
            contact.ConsentRecordedAt = now;
        }

        contact.ConsentToContact = consent;
        contact.ConsentSource = consent ? request.ConsentSource!.Trim() : null;
        contact.ConsentRecordedAt = consent ? contact.ConsentRecordedAt : null;
    }
}
