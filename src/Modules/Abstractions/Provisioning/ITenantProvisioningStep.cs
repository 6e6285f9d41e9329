namespace NucleusCloud.Modules.Abstractions.Provisioning;

/// <summary>What a module is told about a tenant being onboarded.</summary>
public sealed record TenantProvisioning(Guid TenantId, string Name, string? CountryCode, string DefaultLanguage, string TimeZone, string AdminEmail);

/// <summary>
/// A module's part of onboarding a tenant, run in that tenant's scope as the system while the tenant is still
/// <c>Provisioning</c>. It must be idempotent: after a crash the workflow runs it again, and a second run changes nothing.
/// </summary>
public interface ITenantProvisioningStep
{
    /// <summary>A stable name, stored with the onboarding's progress (e.g. <c>brand</c>).</summary>
    string Name { get; }

    /// <summary>Where it runs among the modules' steps (lower first), between the platform's data placement and activation.</summary>
    int Order { get; }

    Task RunAsync(TenantProvisioning tenant, CancellationToken cancellationToken);
}
