using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Enquiries;

/// <summary><c>/api/{tenant}/crm/enquiries</c>: the tenant's incoming enquiries, newest first.</summary>
internal static class EnquiryEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm/enquiries").WithTags("CRM: enquiries");
        group.MapGet("", List).WithName("ListEnquiries").RequireAuthorization(Permissions.CrmRead).Validate<EnquiryListQuery>();
    }

    private static async Task<IResult> List([AsParameters] EnquiryListQuery query, CrmDbContext db, CancellationToken cancellationToken)
    {
        var enquiries = db.Enquiries.AsNoTracking();
        if (query.Status is { } status)
        {
            enquiries = enquiries.Where(q => q.Status == status);
        }

        return TypedResults.Ok(await enquiries.OrderByDescending(q => q.ReceivedAt).ThenByDescending(q => q.Id).ToPageAsync(query, q => q.ToListItem(), cancellationToken));
    }
}

internal sealed record EnquiryListQuery : PageQuery
{
    public EnquiryStatus? Status { get; init; }
}

internal sealed class EnquiryListQueryValidator : PageQueryValidator<EnquiryListQuery>
{
    public EnquiryListQueryValidator() => RuleFor(q => q.Status).IsInEnum().WithName("status");
}
