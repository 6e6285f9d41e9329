using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Platform.Onboarding;

/// <summary>
/// One government or organisation being onboarded: the request as the platform administrator made it, and how far
/// the provisioning got. The tenant's id is chosen here, before the tenant exists, so every step can tell whether it
/// already ran. A host holds a lease while it works, so two hosts never run the same onboarding at once.
/// </summary>
[PlatformOwned]
internal sealed class TenantOnboarding
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TenantId { get; init; } = Guid.CreateVersion7();

    public required string Slug { get; init; }

    public required string Name { get; init; }

    public TenantKind Kind { get; init; }

    public string CountryCode { get; init; } = "";

    /// <summary>Space-separated host names.</summary>
    public string HostNames { get; init; } = "";

    public required string DefaultLanguage { get; init; }

    public required string TimeZone { get; init; }

    public required string Plan { get; init; }

    public DataPlacement DataPlacement { get; init; }

    public required string AdminEmail { get; init; }

    public Guid RequestedBy { get; init; }

    public OnboardingStatus Status { get; set; }

    /// <summary>Comma-separated names of the steps done, in order.</summary>
    public string CompletedSteps { get; set; } = "";

    /// <summary>Why the last attempt stopped, for the administrator to read; cleared when a retry starts.</summary>
    public string? Error { get; set; }

    public int Attempts { get; set; }

    public string? LeaseHolder { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> Done => CompletedSteps.Length == 0 ? [] : CompletedSteps.Split(',');

    public IReadOnlyList<string> HostNameList => HostNames.Length == 0 ? [] : HostNames.Split(' ');

    public OnboardingRequest ToRequest() =>
        new(Slug, Name, Kind, CountryCode.Length == 0 ? null : CountryCode, HostNameList, DefaultLanguage, TimeZone, Plan, DataPlacement, AdminEmail);

    public OnboardingDto ToDto(IReadOnlyList<string> steps) => new(Id, TenantId, Slug, Name, Status, Plan, DataPlacement,
        steps.Select(s => new OnboardingStep(s, Done.Contains(s))).ToList(), Error, Attempts, CreatedAt, UpdatedAt, ToRequest());
}
