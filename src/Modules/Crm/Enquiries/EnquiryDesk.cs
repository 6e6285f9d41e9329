using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Enquiries;

/// <summary>
/// An enquiry's way from arrival to answer: entered by hand, triaged (assigned to a member, tied to an organisation),
/// answered, closed. Each step publishes the enquiry's state for the strategy's "received" and "answered" figures.
/// </summary>
internal sealed class EnquiryDesk(CrmDbContext db, ICaller caller, ITenantContext tenant, IAccessAdministration members,
    IValidator<ManualEnquiry> manual, IValidator<EnquiryAnswer> answers, TimeProvider clock)
{
    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only the tenant's CRM users, owners and administrators work its enquiries.");

    public async Task<Outcome<EnquiryListItem>> EnterAsync(ManualEnquiry request, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (await manual.RefusalAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var enquiry = new Enquiry
        {
            TenantId = tenant.RequiredTenant.Id,
            ReceivedAt = clock.GetStorableUtcNow(),
            Source = "manual",
            ContactName = request.ContactName!.Trim(),
            ContactEmail = request.ContactEmail!.Trim(),
            Organisation = string.IsNullOrWhiteSpace(request.Organisation) ? null : request.Organisation.Trim(),
            Country = string.IsNullOrWhiteSpace(request.Country) ? null : request.Country.Trim().ToUpperInvariant(),
            Subject = request.Subject!.Trim(),
            Message = request.Message!.Trim(),
        };
        db.Enquiries.Add(enquiry);
        db.Outbox.Add(OutboxMessage.For(enquiry.ToEvent(), enquiry.ReceivedAt));
        await db.SaveChangesAsync(cancellationToken);
        return enquiry.ToListItem();
    }

    public async Task<Outcome<EnquiryListItem>> TriageAsync(Guid id, EnquiryTriage triage, CancellationToken cancellationToken)
    {
        var assignee = triage.AssignedTo ?? caller.UserId();
        if (assignee is { } user && await members.FindMemberAsync(user, cancellationToken) is null)
        {
            return Refusal.Invalid("assignedTo", "Assign the enquiry to a member of this tenant.");
        }

        if (triage.OrganisationId is { } organisation && !await db.Organisations.AnyAsync(o => o.Id == organisation, cancellationToken))
        {
            return Refusal.Invalid("organisationId", "No organisation of this tenant has this id.");
        }

        return await ChangeAsync(id, triage.Version, enquiry =>
        {
            enquiry.AssignedTo = assignee;
            enquiry.OrganisationId = triage.OrganisationId ?? enquiry.OrganisationId;
            enquiry.TriagedAt ??= clock.GetStorableUtcNow();
            if (enquiry.Status == EnquiryStatus.New)
            {
                enquiry.Status = EnquiryStatus.Triaged;
            }

            return null;
        }, cancellationToken);
    }

    public async Task<Outcome<EnquiryListItem>> AnswerAsync(Guid id, EnquiryAnswer answer, CancellationToken cancellationToken) =>
        await answers.RefusalAsync(answer, cancellationToken) is { } invalid
            ? invalid
            : await ChangeAsync(id, answer.Version, enquiry =>
            {
                if (enquiry.Status == EnquiryStatus.Closed)
                {
                    return Refusal.Conflict("The enquiry is closed; it takes no answer.");
                }

                enquiry.Answer = answer.Answer!.Trim();
                enquiry.AnsweredAt ??= clock.GetStorableUtcNow();
                enquiry.Status = EnquiryStatus.Answered;
                return null;
            }, cancellationToken);

    public Task<Outcome<EnquiryListItem>> CloseAsync(Guid id, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, enquiry =>
        {
            enquiry.Status = EnquiryStatus.Closed;
            return null;
        }, cancellationToken);

    /// <summary>The caller's right, the enquiry, its version; then the change and its event in one save.</summary>
    private async Task<Outcome<EnquiryListItem>> ChangeAsync(Guid id, int? version, Func<Enquiry, Refusal?> change, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var enquiry = await db.Enquiries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enquiry is null)
        {
            return Refusal.NotFound("Enquiry");
        }

        if (version is { } sent && sent != enquiry.Version)
        {
            return Refusal.Stale("enquiry", enquiry.Version, sent);
        }

        if (change(enquiry) is { } refused)
        {
            return refused;
        }

        enquiry.Version++;
        db.Outbox.Add(OutboxMessage.For(enquiry.ToEvent(), clock.GetStorableUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("enquiry");
        }

        return enquiry.ToListItem();
    }
}
