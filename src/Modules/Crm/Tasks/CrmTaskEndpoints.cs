using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Crm.Tasks;

/// <summary><c>/api/{tenant}/crm/tasks</c>: follow-ups with owners and due dates.</summary>
internal static class CrmTaskEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm/tasks").WithTags("CRM: tasks");
        group.MapGet("", List).WithName("ListTasks").RequireAuthorization(CrmPermissions.Read).Validate<CrmTaskListQuery>();
        group.MapGet("/{id:guid}", Get).WithName("GetTask").RequireAuthorization(CrmPermissions.Read);
        group.MapPost("", Create).WithName("CreateTask").RequireAuthorization(CrmPermissions.Write).Validate<CrmTaskRequest>();
        group.MapPut("/{id:guid}", Update).WithName("UpdateTask").RequireAuthorization(CrmPermissions.Write).Validate<CrmTaskRequest>();
        group.MapPost("/{id:guid}/completion", Complete).WithName("CompleteTask").RequireAuthorization(CrmPermissions.Write);
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteTask").RequireAuthorization(CrmPermissions.Write);
    }

    private static async Task<IResult> List([AsParameters] CrmTaskListQuery query, CrmTaskList tasks, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tasks.ListAsync(new CrmTaskFilter(query.Owner == "me", query.State, query.Link, query.LinkId, query.Overdue ?? false), query, cancellationToken));

    private static async Task<IResult> Get(Guid id, CrmTaskList tasks, CancellationToken cancellationToken) =>
        await tasks.FindAsync(id, cancellationToken) is { } task ? TypedResults.Ok(task) : ApiProblems.NotFound("Task");

    private static async Task<IResult> Create(CrmTaskRequest request, CrmTaskList tasks, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await tasks.CreateAsync(request, cancellationToken), t => $"/api/{tenant.RequiredTenant.Slug}/crm/tasks/{t.Id}");

    private static async Task<IResult> Update(Guid id, CrmTaskRequest request, CrmTaskList tasks, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await tasks.UpdateAsync(id, request, cancellationToken));

    private static async Task<IResult> Complete(Guid id, CrmTaskCompletion? completion, CrmTaskList tasks, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await tasks.CompleteAsync(id, completion ?? new CrmTaskCompletion(), cancellationToken));

    private static async Task<IResult> Delete(Guid id, CrmTaskList tasks, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await tasks.DeleteAsync(id, cancellationToken));
}

internal sealed record CrmTaskListQuery : PageQuery
{
    /// <summary><c>me</c> for the caller's own tasks; everyone's otherwise.</summary>
    public string? Owner { get; init; }

    /// <summary><c>open</c> (default), <c>done</c> or <c>all</c>.</summary>
    public string? State { get; init; }

    public TaskLink? Link { get; init; }

    public Guid? LinkId { get; init; }

    /// <summary>Only open tasks past their due day.</summary>
    public bool? Overdue { get; init; }
}

internal sealed class CrmTaskListQueryValidator : PageQueryValidator<CrmTaskListQuery>
{
    private static readonly string[] States = ["open", "done", "all"];

    public CrmTaskListQueryValidator()
    {
        RuleFor(q => q.Owner).Must(o => o is null or "me").WithName("owner").WithMessage("Give owner=me, or leave it out for everyone's tasks.");
        RuleFor(q => q.State).Must(s => s is null || States.Contains(s)).WithName("state").WithMessage($"Give state as one of: {string.Join(", ", States)}.");
        RuleFor(q => q.Link).IsInEnum().WithName("link");
    }
}
