using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Queries;

/// <summary><c>/api/{tenant}/crm/queries</c>: the tenant's incoming queries, newest first.</summary>
internal static class QueryEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm/queries").WithTags("CRM: queries");
        group.MapGet("", List).WithName("ListQueries").RequireAuthorization(Permissions.CrmRead).Validate<QueryListQuery>();
    }

    private static async Task<IResult> List([AsParameters] QueryListQuery query, CrmDbContext db, CancellationToken cancellationToken)
    {
        var queries = db.Queries.AsNoTracking();
        if (query.Status is { } status)
        {
            queries = queries.Where(q => q.Status == status);
        }

        return TypedResults.Ok(await queries.OrderByDescending(q => q.ReceivedAt).ThenByDescending(q => q.Id).ToPageAsync(query, q => q.ToListItem(), cancellationToken));
    }
}

internal sealed record QueryListQuery : PageQuery
{
    public QueryStatus? Status { get; init; }
}

internal sealed class QueryListQueryValidator : PageQueryValidator<QueryListQuery>
{
    public QueryListQueryValidator() => RuleFor(q => q.Status).IsInEnum().WithName("status");
}
