using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Catalogue.Solutions;

/// <summary>
/// One entry of a solution's history, written in the same save as the change it describes,
/// so history and data cannot disagree. Kept after the solution is deleted.
/// </summary>
internal sealed class SolutionChange : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SolutionId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The audit actor: an account id, <c>apikey:…</c>, or <c>system</c>.</summary>
    public required string Actor { get; init; }

    /// <summary><c>created</c>, <c>updated</c>, <c>status</c>, <c>imported</c>, <c>case-study</c>, <c>deleted</c>.</summary>
    public required string Action { get; init; }

    public SolutionStatus? FromStatus { get; init; }

    public SolutionStatus? ToStatus { get; init; }

    /// <summary>Names of the fields that changed.</summary>
    public List<string> Fields { get; init; } = [];

    public string? Note { get; init; }

    public SolutionChangeDto ToDto() => new(At, Actor, Action, FromStatus, ToStatus, Fields, Note);
}
