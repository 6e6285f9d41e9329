using NucleusCloud.Modules.Abstractions.Export;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.Integrations;

/// <summary>
/// A tenant's OAuth client for machine-to-machine access (client credentials). The OpenID Connect server's application
/// (<see cref="ClientId"/>) holds the hashed secret; this row is the tenant's own record of it, listed and erased with the tenant.
/// Not in exports: without its client it means nothing, so integrations are registered again after an import.
/// </summary>
[NotExported]
internal sealed class Integration : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public required string ClientId { get; init; }

    public TenantRole Role { get; init; }

    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
