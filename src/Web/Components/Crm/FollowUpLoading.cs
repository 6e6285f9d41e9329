using Microsoft.AspNetCore.Http;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Identity.Contracts;

namespace NucleusCloud.Web.Components.Crm;

/// <summary>What a record's page loads for its <see cref="FollowUps"/>: the record's tasks, and the members a writer may give one to.</summary>
internal static class FollowUpLoading
{
    public static Task<IReadOnlyList<CrmTaskDetails>> TasksOfAsync(this ICrmWorkspace crm, TaskLink link, Guid id, HttpContext http) =>
        crm.TasksAsync(new CrmTaskFilter(State: "all", Link: link, LinkId: id), cancellationToken: http.RequestAborted);

    public static async Task<IReadOnlyList<MemberSummary>?> AssigneesAsync(this IAccessAdministration access, bool canWrite, HttpContext http) =>
        canWrite ? await access.MembersAsync(http.RequestAborted) : null;
}
