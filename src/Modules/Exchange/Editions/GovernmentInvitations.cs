using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Editions;

/// <summary>
/// The platform administrators' queue of governments invited to an edition that are not on the platform. Approval goes through the platform's own
/// onboarding (which checks the caller again), so the official becomes the new tenant's first administrator and finds the edition's spaces waiting.
/// The rows belong to no tenant the request has, so they are read and written in a platform scope, after the caller is checked here.
/// </summary>
internal sealed class GovernmentInvitations(ICaller caller, ITenantOnboarding onboarding, ITenantScopeFactory scopes, IAuditTrail audit, TimeProvider clock)
    : IGovernmentInvitations
{
    private const string DefaultPlan = "standard";

    public async Task<Outcome<IReadOnlyList<EditionInvitationDto>>> PendingAsync(CancellationToken cancellationToken = default)
    {
        if (!await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden("Only platform administrators review invited governments.");
        }

        await using var scope = scopes.CreatePlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var pending = await db.EditionInvitations.AsNoTracking().Where(i => i.Status == EditionInvitationStatus.AwaitingApproval)
            .Join(db.Editions.AsNoTracking(), i => i.EditionId, e => e.Id, (i, e) => new { i, e })
            .ToListAsync(cancellationToken);
        return pending.OrderBy(p => p.i.CreatedAt).Select(p => ForumEditions.ToDto(p.i, p.e)).ToList();
    }

    public async Task<Outcome<EditionInvitationDto>> ApproveAsync(Guid invitationId, GovernmentApproval approval, CancellationToken cancellationToken = default)
    {
        if (!await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden("Only platform administrators onboard invited governments.");
        }

        await using var scope = scopes.CreatePlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        if (await AwaitingAsync(db, invitationId, cancellationToken) is not { } found)
        {
            return Refusal.NotFound("Invitation awaiting approval");
        }

        var (invitation, edition) = found;
        var request = new OnboardingRequest(approval.Slug?.Trim(), string.IsNullOrWhiteSpace(approval.Name) ? invitation.Organisation : approval.Name.Trim(),
            TenantKind.Country, invitation.CountryCode, null, approval.DefaultLanguage ?? "en", approval.TimeZone ?? "UTC", approval.Plan ?? DefaultPlan,
            DataPlacement.Shared, invitation.Email);
        var started = await onboarding.StartAsync(request, cancellationToken);
        if (started.Value is not { } onboarded)
        {
            return started.Refusal!;
        }

        var now = clock.GetUtcNow();
        var spaces = await db.Spaces.Where(s => s.EditionId == edition.Id && s.ArchivedAt == null).Select(s => s.Id).ToListAsync(cancellationToken);
        await ForumEditions.InviteToSpacesAsync(db, spaces, onboarded.TenantId, onboarded.Name, now, cancellationToken);
        invitation.Status = EditionInvitationStatus.Onboarding;
        invitation.TenantId = onboarded.TenantId;
        invitation.OnboardingId = onboarded.Id;
        invitation.Organisation = onboarded.Name;
        invitation.Email = null; // the onboarding holds it now; the exchange keeps no copy
        invitation.DecidedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordPlatformAsync("exchange.edition-government-approved", invitation.Id.ToString(),
            new Dictionary<string, string?> { ["edition"] = edition.Id.ToString(), ["tenant"] = onboarded.Slug }, cancellationToken);
        return ForumEditions.ToDto(invitation, edition);
    }

    public async Task<Outcome<EditionInvitationDto>> DeclineAsync(Guid invitationId, CancellationToken cancellationToken = default)
    {
        if (!await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden("Only platform administrators review invited governments.");
        }

        await using var scope = scopes.CreatePlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        if (await AwaitingAsync(db, invitationId, cancellationToken) is not { } found)
        {
            return Refusal.NotFound("Invitation awaiting approval");
        }

        var (invitation, edition) = found;
        invitation.Status = EditionInvitationStatus.Declined;
        invitation.Email = null;
        invitation.DecidedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordPlatformAsync("exchange.edition-government-declined", invitation.Id.ToString(),
            new Dictionary<string, string?> { ["edition"] = edition.Id.ToString() }, cancellationToken);
        return ForumEditions.ToDto(invitation, edition);
    }

    private static async Task<(EditionInvitation Invitation, ForumEdition Edition)?> AwaitingAsync(ExchangeDbContext db, Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.EditionInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.Status == EditionInvitationStatus.AwaitingApproval, cancellationToken);
        var edition = invitation is null ? null : await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == invitation.EditionId, cancellationToken);
        return edition is null ? null : (invitation!, edition);
    }
}
