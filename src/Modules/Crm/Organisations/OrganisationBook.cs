using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Modules.Crm.Tasks;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Organisations;

/// <summary>The organisation register's writes with their rules (the caller's right, validation, versions), for the API and the pages alike.</summary>
internal sealed class OrganisationBook(CrmDbContext db, ICaller caller, IValidator<OrganisationRequest> validator, TimeProvider clock)
{
    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only the tenant's CRM users, owners and administrators change its organisations.");
    private static readonly Refusal NoOrganisation = Refusal.NotFound("Organisation");

    public async Task<Outcome<OrganisationDetails>> CreateAsync(OrganisationRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, validator, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetStorableUtcNow();
        var organisation = new Organisation { Name = "", Country = "", CreatedAt = now, UpdatedAt = now };
        Apply(organisation, request);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return organisation.ToDetails();
    }

    public async Task<Outcome<OrganisationDetails>> UpdateAsync(Guid id, OrganisationRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, validator, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NoOrganisation;
        }

        if (request.Version is { } sent && sent != organisation.Version)
        {
            return Refusal.Stale("organisation", organisation.Version, sent);
        }

        Apply(organisation, request);
        organisation.UpdatedAt = clock.GetStorableUtcNow();
        organisation.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("organisation");
        }

        return organisation.ToDetails();
    }

    /// <summary>Refused while opportunities still name it (they would lose their counterpart); its contacts and touch points go with it.</summary>
    /// <summary>
    /// Merges a duplicate into another organisation: its people, touch points, opportunities, enquiries, visits and
    /// follow-up tasks move to the one kept, which takes the duplicate's website if it had none and its notes after
    /// its own; then the duplicate goes. One save: all of it or nothing.
    /// </summary>
    public async Task<Outcome<OrganisationMerged>> MergeAsync(Guid id, OrganisationMergeRequest request, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (request.Into is not { } into || into == id)
        {
            return Refusal.Invalid("into", "Name the organisation to keep, other than the duplicate.");
        }

        var duplicate = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (duplicate is null)
        {
            return NoOrganisation;
        }

        if (await db.Organisations.FirstOrDefaultAsync(o => o.Id == into, cancellationToken) is not { } kept)
        {
            return Refusal.Invalid("into", "No organisation of this tenant has this id.");
        }

        var contacts = await db.Contacts.Where(c => c.OrganisationId == id).ToListAsync(cancellationToken);
        contacts.ForEach(c => c.OrganisationId = into);
        var interactions = await db.Interactions.Where(i => i.OrganisationId == id).ToListAsync(cancellationToken);
        interactions.ForEach(i => i.OrganisationId = into);
        var opportunities = await db.Opportunities.Where(o => o.OrganisationId == id).ToListAsync(cancellationToken);
        opportunities.ForEach(o => o.OrganisationId = into);
        var enquiries = await db.Enquiries.Where(e => e.OrganisationId == id).ToListAsync(cancellationToken);
        enquiries.ForEach(e => e.OrganisationId = into);
        var visits = await db.Visits.Where(v => v.OrganisationId == id).ToListAsync(cancellationToken);
        visits.ForEach(v => v.OrganisationId = into);
        var tasks = await db.Tasks.Where(t => t.Link == TaskLink.Organisation && t.LinkId == id).ToListAsync(cancellationToken);
        tasks.ForEach(t => t.LinkId = into);

        kept.WebsiteUrl ??= duplicate.WebsiteUrl;
        if (!string.IsNullOrWhiteSpace(duplicate.Notes))
        {
            var merged = $"{kept.Notes}\n\nFrom {duplicate.Name} (merged): {duplicate.Notes}".Trim();
            kept.Notes = merged.Length <= 10_000 ? merged : merged[..10_000];
        }

        kept.UpdatedAt = clock.GetStorableUtcNow();
        kept.Version++;
        db.Organisations.Remove(duplicate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("organisation");
        }

        return new OrganisationMerged(kept.ToDetails(), contacts.Count, interactions.Count, opportunities.Count, enquiries.Count, visits.Count, tasks.Count);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NoOrganisation;
        }

        var linked = await db.Opportunities.CountAsync(o => o.OrganisationId == id, cancellationToken);
        if (linked > 0)
        {
            return Refusal.Conflict($"{linked} opportunit{(linked == 1 ? "y names" : "ies name")} this organisation; move or delete {(linked == 1 ? "it" : "them")} first.");
        }

        var visits = await db.Visits.CountAsync(v => v.OrganisationId == id, cancellationToken);
        if (visits > 0)
        {
            return Refusal.Conflict($"{visits} delegation visit{(visits == 1 ? " names" : "s name")} this organisation; delete {(visits == 1 ? "it" : "them")} first.");
        }

        // Its people, touch points and follow-up tasks go with it; the strategy hears that the touch points are gone.
        db.Contacts.RemoveRange(await db.Contacts.Where(c => c.OrganisationId == id).ToListAsync(cancellationToken));
        var now = clock.GetStorableUtcNow();
        foreach (var interaction in await db.Interactions.Where(i => i.OrganisationId == id).ToListAsync(cancellationToken))
        {
            db.Interactions.Remove(interaction);
            db.Outbox.Add(OutboxMessage.For(interaction.ToEvent(deleted: true), now));
        }

        await db.RemoveTasksOfAsync(TaskLink.Organisation, id, cancellationToken);
        db.Organisations.Remove(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static void Apply(Organisation organisation, OrganisationRequest request)
    {
        organisation.Name = request.Name!.Trim();
        organisation.Kind = request.Kind!.Value;
        organisation.Country = request.Country!.Trim().ToUpperInvariant();
        organisation.WebsiteUrl = string.IsNullOrWhiteSpace(request.WebsiteUrl) ? null : request.WebsiteUrl.Trim();
        organisation.Notes = request.Notes?.Trim() ?? "";
    }
}
