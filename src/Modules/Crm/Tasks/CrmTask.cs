using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Crm.Tasks;

/// <summary>A follow-up with an owner and a due date, perhaps tied to an organisation, opportunity, enquiry or visit.</summary>
internal sealed class CrmTask : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Title { get; set; }

    public string? Notes { get; set; }

    public Guid OwnerId { get; set; }

    public DateOnly DueOn { get; set; }

    public TaskLink? Link { get; set; }

    public Guid? LinkId { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public Guid? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; } = 1;

    public CrmTaskDetails ToDetails(string? ownerName) => new(Id, Title, Notes, OwnerId, ownerName, DueOn, Link, LinkId, DoneAt, CreatedAt, UpdatedAt, Version);
}
