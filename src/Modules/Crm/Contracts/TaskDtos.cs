namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>What a task follows up: an organisation, an opportunity, an enquiry or a delegation visit.</summary>
public enum TaskLink
{
    Organisation,
    Opportunity,
    Enquiry,
    Visit,
}

/// <summary>A follow-up someone owns and must do by a date; <see cref="DoneAt"/> is null while it is open.</summary>
public sealed record CrmTaskDetails(Guid Id, string Title, string? Notes, Guid OwnerId, string? OwnerName, DateOnly DueOn, TaskLink? Link, Guid? LinkId,
    DateTimeOffset? DoneAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

/// <summary>A task as its author writes it; the owner defaults to the author, and must be a member of the tenant.</summary>
public sealed record CrmTaskRequest(string? Title, DateOnly? DueOn, Guid? OwnerId = null, string? Notes = null, TaskLink? Link = null, Guid? LinkId = null, int? Version = null);

/// <summary>Marks a task done (or open again).</summary>
public sealed record CrmTaskCompletion(bool Done = true, int? Version = null);

/// <summary>Which tasks to list: <see cref="Mine"/> only the caller's; <see cref="State"/> <c>open</c> (default), <c>done</c> or <c>all</c>.</summary>
public sealed record CrmTaskFilter(bool Mine = false, string? State = null, TaskLink? Link = null, Guid? LinkId = null, bool OverdueOnly = false);
