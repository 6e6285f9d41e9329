using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Crm.Enquiries;

/// <summary><c>/api/{tenant}/crm/enquiries</c>: the tenant's incoming enquiries, newest first.</summary>
internal static class EnquiryEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm/enquiries").WithTags("CRM: enquiries");
        group.MapGet("", List).WithName("ListEnquiries").RequireAuthorization(CrmPermissions.Read).Validate<EnquiryListQuery>();
        group.MapGet("/{id:guid}", Get).WithName("GetEnquiry").RequireAuthorization(CrmPermissions.Read);
        group.MapPost("", Enter).WithName("EnterEnquiry").RequireAuthorization(CrmPermissions.Write).Validate<ManualEnquiry>();
        group.MapPost("/{id:guid}/triage", Triage).WithName("TriageEnquiry").RequireAuthorization(CrmPermissions.Write);
        group.MapPost("/{id:guid}/answer", Answer).WithName("AnswerEnquiry").RequireAuthorization(CrmPermissions.Write).Validate<EnquiryAnswer>();
        group.MapPost("/{id:guid}/close", Close).WithName("CloseEnquiry").RequireAuthorization(CrmPermissions.Write);
        // The .eml file is the body (message/rfc822), like the CSV imports.
        group.MapPost("/imports/email", ImportEmail).WithName("ImportEnquiryEmail").RequireAuthorization(CrmPermissions.Write).DisableAntiforgery();
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

    private static async Task<IResult> Get(Guid id, CrmDbContext db, CancellationToken cancellationToken) =>
        await db.Enquiries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is { } enquiry
            ? TypedResults.Ok(enquiry.ToListItem())
            : ApiProblems.NotFound("Enquiry");

    private static async Task<IResult> Enter(ManualEnquiry request, EnquiryDesk desk, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await desk.EnterAsync(request, cancellationToken), e => $"/api/{tenant.RequiredTenant.Slug}/crm/enquiries/{e.Id}");

    private static async Task<IResult> Triage(Guid id, EnquiryTriage? triage, EnquiryDesk desk, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await desk.TriageAsync(id, triage ?? new EnquiryTriage(), cancellationToken));

    private static async Task<IResult> Answer(Guid id, EnquiryAnswer answer, EnquiryDesk desk, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await desk.AnswerAsync(id, answer, cancellationToken));

    private static async Task<IResult> ImportEmail(HttpContext http, EmailEnquiries emails, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var (body, problem) = await CappedBody.ReadAsync(http, EmailEnquiries.MaxBytes, "Send the e-mail saved as an .eml file.", "The e-mail is larger than 5 MB.", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        using var _ = body;
        body.Position = 0;
        return RefusalProblems.Created(await emails.ImportAsync(body, cancellationToken), e => $"/api/{tenant.RequiredTenant.Slug}/crm/enquiries/{e.Id}");
    }

    private static async Task<IResult> Close(Guid id, VersionOnly? request, EnquiryDesk desk, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await desk.CloseAsync(id, request?.Version, cancellationToken));
}

internal sealed record VersionOnly(int? Version);

internal sealed record EnquiryListQuery : PageQuery
{
    public EnquiryStatus? Status { get; init; }
}

internal sealed class EnquiryListQueryValidator : PageQueryValidator<EnquiryListQuery>
{
    public EnquiryListQueryValidator() => RuleFor(q => q.Status).IsInEnum().WithName("status");
}
