using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Identity.TenantSso;

/// <summary>
/// One OpenID Connect scheme per tenant with a connected provider, added when a sign-in starts or comes back, on whichever host
/// that is. The tenant's connection is read from the database each time, so a change made on one host holds on all of them at
/// the next sign-in: a changed connection drops the scheme's options (and its cached discovery document) to be built again.
/// A disconnected provider or a deleted tenant leaves no copy behind for long: <see cref="SingleSignOnSweep"/> looks again.
/// </summary>
internal sealed class SingleSignOnSchemes(IAuthenticationSchemeProvider schemes, IOptionsMonitorCache<OpenIdConnectOptions> options, ITenantScopeFactory scopes)
{
    private const string Prefix = "sso-";
    private readonly ConcurrentDictionary<Guid, Connection> _connections = new();
    private readonly Lock _changing = new();

    /// <summary>What a scheme needs to know of a tenant's connection; <see cref="Version"/> tells a changed one.</summary>
    internal sealed record Connection(
        Guid TenantId, string TenantSlug, string Issuer, string ClientId, string ProtectedSecret, string EmailClaim,
        IReadOnlyList<string> AllowedDomains, TenantRole NewMemberRole, DateTimeOffset Version);

    public static string SchemeName(Guid tenantId) => $"{Prefix}{tenantId:N}";

    /// <summary>The connection behind a scheme this class added; null for any other scheme.</summary>
    public Connection? Find(string schemeName) =>
        schemeName.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(schemeName[Prefix.Length..], "N", out var tenantId)
        && _connections.TryGetValue(tenantId, out var connection) ? connection : null;

    /// <summary>The tenants whose scheme this host holds.</summary>
    public IReadOnlyCollection<Guid> Known => [.. _connections.Keys];

    /// <summary>Drops the tenant's scheme and its options (the client secret with them) from this host.</summary>
    public void Forget(Guid tenantId)
    {
        lock (_changing)
        {
            if (_connections.TryRemove(tenantId, out _))
            {
                schemes.RemoveScheme(SchemeName(tenantId));
                options.TryRemove(SchemeName(tenantId));
            }
        }
    }

    /// <summary>Makes the tenant's scheme match its stored connection; its name, or null when the tenant has none.</summary>
    public async Task<string?> PrepareAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        Connection? stored;
        await using (var scope = scopes.CreateScope(tenant))
        {
            var policy = await scope.ServiceProvider.GetRequiredService<AccessDbContext>().SecurityPolicies.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
            stored = policy is { SsoIssuer: { } issuer, SsoClientId: { } clientId, SsoProtectedSecret: { } secret }
                ? new Connection(tenant.Id, tenant.Slug, issuer, clientId, secret, policy.SsoEmailClaim, TenantSingleSignOn.AllowedDomainsOf(policy), policy.SsoNewMemberRole, policy.UpdatedAt)
                : null;
        }

        var name = SchemeName(tenant.Id);
        lock (_changing)
        {
            if (stored is null)
            {
                Forget(tenant.Id);
                return null;
            }

            if (!_connections.TryGetValue(tenant.Id, out var known) || known.Version != stored.Version || known.TenantSlug != stored.TenantSlug)
            {
                _connections[tenant.Id] = stored;
                options.TryRemove(name);
                schemes.TryAddScheme(new AuthenticationScheme(name, tenant.Name, typeof(OpenIdConnectHandler)));
            }
        }

        return name;
    }
}
