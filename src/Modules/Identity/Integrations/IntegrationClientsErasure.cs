using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Export;
using NucleusCloud.Modules.Identity.Data;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace NucleusCloud.Modules.Identity.Integrations;

/// <summary>
/// When a tenant is erased, the OpenID Connect server's clients of its integrations go too, with their tokens and consents: they sit in
/// the platform's accounts database, beside the tenant's own rows. Nothing of them is exported (they hold only a secret's hash).
/// </summary>
internal sealed class IntegrationClientsErasure(AccountsDbContext accounts, IOpenIddictApplicationManager applications) : ITenantDataSource
{
    public string Module => "identity-clients";

    public async IAsyncEnumerable<TenantTable> ReadAsync(Guid tenantId, bool shared, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public async Task<(int Deleted, int Left)> EraseAsync(Guid tenantId, bool shared, CancellationToken cancellationToken)
    {
        if (!shared)
        {
            return (0, 0);
        }

        // The tenant's id is one of the client's properties (a JSON text): a narrow text match, then the exact check.
        var marker = tenantId.ToString();
        var candidates = await accounts.Set<OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.Properties != null && a.Properties.Contains(marker))
            .ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var application in candidates)
        {
            var properties = await applications.GetPropertiesAsync(application, cancellationToken);
            if (properties.TryGetValue(OpenIdConnect.OidcClients.TenantProperty, out var owner) && owner.GetGuid() == tenantId)
            {
                await applications.DeleteAsync(application, cancellationToken);
                deleted++;
            }
        }

        return (deleted, 0);
    }

    public void CollectKeys(IReadOnlyDictionary<string, byte[]> tables, TenantRemap remap)
    {
    }

    public Task<int> ImportAsync(IReadOnlyDictionary<string, byte[]> tables, TenantRemap remap, CancellationToken cancellationToken) => Task.FromResult(0);
}
