using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Editions;

/// <summary>A host's programme ("DGX 2026"): groups its spaces, and through them their meetings and participants.</summary>
[CrossTenant]
internal sealed class ForumEdition
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid HostTenantId { get; init; }

    public required string HostName { get; set; }

    public required string Name { get; set; }

    /// <summary>Unique among the host's editions; names the public page.</summary>
    public required string Slug { get; set; }

    public string Summary { get; set; } = "";

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    /// <summary>The host switched on the public page (programme, named countries, outcomes).</summary>
    public bool PublicPage { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; set; } = 1;
}

/// <summary>
/// One invitation to an edition: a tenant on the platform (invited to every space of the edition), or a government not on it yet,
/// reached through an official's e-mail and onboarded once a platform administrator approves.
/// </summary>
[CrossTenant]
internal sealed class EditionInvitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid EditionId { get; init; }

    /// <summary>The invited tenant; for a government not on the platform, set when its onboarding is approved.</summary>
    public Guid? TenantId { get; set; }

    public required string Organisation { get; set; }

    /// <summary>The official's address, for a government not on the platform; cleared once it is onboarded or declined.</summary>
    public string? Email { get; set; }

    public string? CountryCode { get; init; }

    public EditionInvitationStatus Status { get; set; }

    public Guid? OnboardingId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>A participant that asked not to be named in the edition's outcome report and public page: it is counted, unnamed.</summary>
[CrossTenant]
internal sealed class EditionOptOut
{
    public required Guid EditionId { get; init; }

    public required Guid TenantId { get; init; }

    public DateTimeOffset At { get; init; }
}
