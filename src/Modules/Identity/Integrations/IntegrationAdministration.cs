using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Modules.Identity.OpenIdConnect;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using OpenIddict.Abstractions;

namespace NucleusCloud.Modules.Identity.Integrations;

/// <summary>Registers, lists and removes the tenant's integrations; the one place they are written, for the API and the page.</summary>
internal sealed class IntegrationAdministration(
    AccessDbContext db, IOpenIddictApplicationManager applications, ICaller caller, ITenantContext tenant, RolePermissions permissions, TimeProvider clock) : IIntegrations
{
    private const string MayNot = "Only the tenant's owners and administrators manage integrations.";

    public async Task<IReadOnlyList<IntegrationSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Integrations.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken)).Select(Summary).ToList();

    public async Task<Outcome<CreatedIntegration>> CreateAsync(string? name, TenantRole? role, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(IdentityPermissions.ApiKeysManage, cancellationToken) || await caller.RoleAsync(cancellationToken) is not { } callerRole)
        {
            return Refusal.Forbidden(MayNot);
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return Refusal.Invalid("name", "Name the integration after what uses it, in at most 100 characters.");
        }

        if (!DelegatedRoles.Offered(role, out var clientRole))
        {
            return Refusal.Invalid("role", "An integration acts as Admin, Editor, CrmUser, Analyst or Viewer.");
        }

        if (!permissions.NoWiderThan(clientRole, callerRole))
        {
            return Refusal.Invalid("role", $"A {callerRole} cannot register an integration that acts as {clientRole}: it does no more than the member who registers it.");
        }

        var id = Guid.CreateVersion7();
        var integration = new Integration
        {
            Id = id,
            Name = name.Trim(),
            ClientId = $"nc-{id:N}",
            Role = clientRole,
            CreatedBy = MembershipChecker.UserId(caller.Principal) ?? Guid.Empty,
            CreatedAt = clock.GetStorableUtcNow(),
        };
        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var application = await applications.CreateAsync(
            OidcClients.Integration(integration.ClientId, secret, integration.Name, tenant.RequiredTenant.Id, clientRole), cancellationToken);
        try
        {
            db.Integrations.Add(integration);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // The tenant's record could not be written: the client must not outlive it.
            await applications.DeleteAsync(application, CancellationToken.None);
            throw;
        }

        return new CreatedIntegration(integration.Id, integration.Name, integration.ClientId, secret, integration.Role, integration.CreatedAt);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(IdentityPermissions.ApiKeysManage, cancellationToken))
        {
            return Refusal.Forbidden(MayNot);
        }

        var integration = await db.Integrations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (integration is null)
        {
            return Refusal.NotFound("integration");
        }

        // The client first (its tokens and consents go with it), then the record: a failure in between leaves a record to delete again.
        if (await applications.FindByClientIdAsync(integration.ClientId, cancellationToken) is { } application)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }

        db.Integrations.Remove(integration);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    internal static IntegrationSummary Summary(Integration integration) =>
        new(integration.Id, integration.Name, integration.ClientId, integration.Role, integration.CreatedAt);
}
