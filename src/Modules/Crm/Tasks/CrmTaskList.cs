using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Tasks;

/// <summary>Follow-ups with owners (members of the tenant) and due dates; each change checks the caller's right and the task's version.</summary>
internal sealed class CrmTaskList(CrmDbContext db, ICaller caller, IAccessAdministration members, IValidator<CrmTaskRequest> validator, TimeProvider clock)
{
    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only the tenant's CRM users, owners and administrators change its tasks.");

    public async Task<Outcome<CrmTaskDetails>> CreateAsync(CrmTaskRequest request, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetStorableUtcNow();
        var task = new CrmTask { Title = "", CreatedBy = caller.UserId(), CreatedAt = now, UpdatedAt = now };
        Apply(task, request);
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return await DetailsAsync(task, cancellationToken);
    }

    public async Task<Outcome<CrmTaskDetails>> UpdateAsync(Guid id, CrmTaskRequest request, CancellationToken cancellationToken) =>
        await RefusedAsync(request, cancellationToken) is { } refusal ? refusal : await ChangeAsync(id, request.Version, task => Apply(task, request), cancellationToken);

    public async Task<Outcome<CrmTaskDetails>> CompleteAsync(Guid id, CrmTaskCompletion completion, CancellationToken cancellationToken) =>
        !await caller.MayAsync(CrmPermissions.Write, cancellationToken) ? MayNotWrite
            : await ChangeAsync(id, completion.Version, task => task.DoneAt = completion.Done ? task.DoneAt ?? clock.GetStorableUtcNow() : null, cancellationToken);

    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return Refusal.NotFound("Task");
        }

        db.Tasks.Remove(task);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Tasks by due day (earliest first), then title.</summary>
    public async Task<PagedResult<CrmTaskDetails>> ListAsync(CrmTaskFilter filter, PageQuery page, CancellationToken cancellationToken)
    {
        var tasks = db.Tasks.AsNoTracking();
        if (filter.Mine)
        {
            var me = caller.UserId() ?? Guid.Empty;
            tasks = tasks.Where(t => t.OwnerId == me);
        }

        tasks = filter.State switch
        {
            "done" => tasks.Where(t => t.DoneAt != null),
            "all" => tasks,
            _ => tasks.Where(t => t.DoneAt == null),
        };
        if (filter.Link is { } link)
        {
            tasks = tasks.Where(t => t.Link == link);
        }

        if (filter.LinkId is { } linkId)
        {
            tasks = tasks.Where(t => t.LinkId == linkId);
        }

        if (filter.OverdueOnly)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            tasks = tasks.Where(t => t.DoneAt == null && t.DueOn < today);
        }

        var names = await OwnerNamesAsync(cancellationToken);
        return await tasks.OrderBy(t => t.DueOn).ThenBy(t => t.Title).ThenBy(t => t.Id)
            .ToPageAsync(page, t => t.ToDetails(names.GetValueOrDefault(t.OwnerId)), cancellationToken);
    }

    public async Task<CrmTaskDetails?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is { } task ? await DetailsAsync(task, cancellationToken) : null;

    private async Task<Outcome<CrmTaskDetails>> ChangeAsync(Guid id, int? version, Action<CrmTask> change, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return Refusal.NotFound("Task");
        }

        if (version is { } sent && sent != task.Version)
        {
            return Refusal.Stale("task", task.Version, sent);
        }

        change(task);
        task.UpdatedAt = clock.GetStorableUtcNow();
        task.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("task");
        }

        return await DetailsAsync(task, cancellationToken);
    }

    /// <summary>The caller's right, the fields, an owner who is a member, and a linked record of this tenant.</summary>
    private async Task<Refusal?> RefusedAsync(CrmTaskRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, validator, request, cancellationToken) is { } refused)
        {
            return refused;
        }

        var owner = request.OwnerId ?? caller.UserId();
        if (owner is not { } user || await members.FindMemberAsync(user, cancellationToken) is null)
        {
            return Refusal.Invalid("ownerId", "Give the task to a member of this tenant.");
        }

        return request.LinkId is { } linkId && !await LinkExistsAsync(request.Link!.Value, linkId, cancellationToken)
            ? Refusal.Invalid("linkId", $"No {request.Link.Value.ToString().ToLowerInvariant()} of this tenant has this id.")
            : null;
    }

    private Task<bool> LinkExistsAsync(TaskLink link, Guid id, CancellationToken cancellationToken) => link switch
    {
        TaskLink.Organisation => db.Organisations.AnyAsync(o => o.Id == id, cancellationToken),
        TaskLink.Opportunity => db.Opportunities.AnyAsync(o => o.Id == id, cancellationToken),
        TaskLink.Enquiry => db.Enquiries.AnyAsync(e => e.Id == id, cancellationToken),
        _ => db.Visits.AnyAsync(v => v.Id == id, cancellationToken),
    };

    private void Apply(CrmTask task, CrmTaskRequest request)
    {
        task.Title = request.Title!.Trim();
        task.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        task.OwnerId = request.OwnerId ?? caller.UserId()!.Value;
        task.DueOn = request.DueOn!.Value;
        task.Link = request.Link;
        task.LinkId = request.LinkId;
    }

    private async Task<CrmTaskDetails> DetailsAsync(CrmTask task, CancellationToken cancellationToken) =>
        task.ToDetails((await members.FindMemberAsync(task.OwnerId, cancellationToken))?.DisplayName);

    private async Task<Dictionary<Guid, string>> OwnerNamesAsync(CancellationToken cancellationToken) =>
        (await members.MembersAsync(cancellationToken)).ToDictionary(m => m.UserId, m => m.DisplayName);
}

/// <summary>Tasks that follow up a record leave with it.</summary>
internal static class LinkedTasks
{
    public static async Task RemoveTasksOfAsync(this CrmDbContext db, TaskLink link, Guid id, CancellationToken cancellationToken) =>
        db.Tasks.RemoveRange(await db.Tasks.Where(t => t.Link == link && t.LinkId == id).ToListAsync(cancellationToken));
}
