using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Platform.Contracts;

public enum OnboardingStatus
{
    /// <summary>Waiting for a host to take it, or being worked on.</summary>
    Running,

    /// <summary>A step failed; a retry of the same request continues from that step.</summary>
    Failed,

    /// <summary>Every step is done and the tenant is active.</summary>
    Completed,
}

/// <summary>What a platform administrator asks for when onboarding a government or organisation.</summary>
public sealed record OnboardingRequest(
    string? Slug,
    string? Name,
    TenantKind? Kind,
    string? CountryCode,
    IReadOnlyList<string>? HostNames,
    string? DefaultLanguage,
    string? TimeZone,
    string? Plan,
    DataPlacement? DataPlacement,
    string? AdminEmail);

public sealed record OnboardingStep(string Name, bool Done);

public sealed record OnboardingDto(
    Guid Id,
    Guid TenantId,
    string Slug,
    string Name,
    OnboardingStatus Status,
    string Plan,
    DataPlacement DataPlacement,
    IReadOnlyList<OnboardingStep> Steps,
    string? Error,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    OnboardingRequest Request);

/// <summary>
/// Onboarding governments and organisations, for platform administrators (signed in with a second factor): a request
/// starts a resumable provisioning in the background; the same request again continues it (it never makes a second
/// tenant), a different request for a slug being onboarded is a conflict.
/// </summary>
public interface ITenantOnboarding
{
    Task<Outcome<OnboardingDto>> StartAsync(OnboardingRequest request, CancellationToken cancellationToken = default);

    Task<OnboardingDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OnboardingDto>> ListAsync(CancellationToken cancellationToken = default);
}
