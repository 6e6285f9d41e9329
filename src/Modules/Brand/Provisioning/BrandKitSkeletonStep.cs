using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Provisioning;
using NucleusCloud.Modules.Brand.Data;
using NucleusCloud.Modules.Brand.Kit;

namespace NucleusCloud.Modules.Brand.Provisioning;

/// <summary>Onboarding's "brand" step: a kit named after the tenant in the product's colours, for its editors to make their own; never over one that exists.</summary>
internal sealed class BrandKitSkeletonStep(BrandDbContext db, TimeProvider clock) : ITenantProvisioningStep
{
    public string Name => "brand";

    public int Order => 20;

    public async Task RunAsync(TenantProvisioning tenant, CancellationToken cancellationToken)
    {
        if (await db.Kits.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Kits.Add(new BrandKit { BrandName = tenant.Name.Length > 100 ? tenant.Name[..100] : tenant.Name, UpdatedAt = clock.GetStorableUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }
}
