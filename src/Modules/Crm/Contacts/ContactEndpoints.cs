using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Csv;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Crm.Contacts;

/// <summary>An organisation's contacts and touch points, the timelines, and the contacts' export (which honours consent).</summary>
internal static class ContactEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var crm = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm").WithTags("CRM: contacts and touch points");
        crm.MapGet("/organisations/{id:guid}/contacts", Contacts).WithName("ListContacts").RequireAuthorization(CrmPermissions.Read);
        crm.MapPost("/organisations/{id:guid}/contacts", AddContact).WithName("AddContact").RequireAuthorization(CrmPermissions.Write).Validate<ContactRequest>();
        crm.MapPut("/contacts/{id:guid}", UpdateContact).WithName("UpdateContact").RequireAuthorization(CrmPermissions.Write).Validate<ContactRequest>();
        crm.MapDelete("/contacts/{id:guid}", DeleteContact).WithName("DeleteContact").RequireAuthorization(CrmPermissions.Write);
        crm.MapPost("/organisations/{id:guid}/interactions", Record).WithName("RecordInteraction").RequireAuthorization(CrmPermissions.Write).Validate<InteractionRequest>();
        crm.MapGet("/organisations/{id:guid}/timeline", OrganisationTimeline).WithName("OrganisationTimeline").RequireAuthorization(CrmPermissions.Read);
        crm.MapGet("/contacts/{id:guid}/timeline", ContactTimeline).WithName("ContactTimeline").RequireAuthorization(CrmPermissions.Read);
        crm.MapPost("/organisations/{id:guid}/mailings", Mail).WithName("MailOrganisationContacts").RequireAuthorization(CrmPermissions.Write);
        crm.MapDelete("/interactions/{id:guid}", DeleteInteraction).WithName("DeleteInteraction").RequireAuthorization(CrmPermissions.Write);
        crm.MapGet("/exports/contacts.csv", Export).WithName("ExportContactsCsv").RequireAuthorization(CrmPermissions.Read);
    }

    private static async Task<IResult> Contacts(Guid id, ContactBook book, CancellationToken cancellationToken) =>
        await book.ContactsAsync(id, cancellationToken) is { } contacts ? TypedResults.Ok(contacts) : ApiProblems.NotFound("Organisation");

    private static async Task<IResult> AddContact(Guid id, ContactRequest request, ContactBook book, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await book.AddContactAsync(id, request, cancellationToken), c => $"/api/{tenant.RequiredTenant.Slug}/crm/contacts/{c.Id}");

    private static async Task<IResult> UpdateContact(Guid id, ContactRequest request, ContactBook book, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await book.UpdateContactAsync(id, request, cancellationToken));

    private static async Task<IResult> DeleteContact(Guid id, ContactBook book, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await book.DeleteContactAsync(id, cancellationToken));

    private static async Task<IResult> Record(Guid id, InteractionRequest request, ContactBook book, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await book.RecordAsync(id, request, cancellationToken));

    private static async Task<IResult> Mail(Guid id, OrganisationMailing? mailing, ConsentedMail mail, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await mail.SendAsync(id, mailing ?? new OrganisationMailing(null, null), cancellationToken));

    private static async Task<IResult> DeleteInteraction(Guid id, ContactBook book, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await book.DeleteInteractionAsync(id, cancellationToken));

    private static async Task<IResult> OrganisationTimeline(Guid id, ContactBook book, CancellationToken cancellationToken) =>
        await book.OrganisationTimelineAsync(id, cancellationToken) is { } timeline ? TypedResults.Ok(timeline) : ApiProblems.NotFound("Organisation");

    private static async Task<IResult> ContactTimeline(Guid id, ContactBook book, CancellationToken cancellationToken) =>
        await book.ContactTimelineAsync(id, cancellationToken) is { } timeline ? TypedResults.Ok(timeline) : ApiProblems.NotFound("Contact");

    /// <summary>Everyone, with e-mail and phone only for those who consented to be contacted.</summary>
    private static async Task<IResult> Export(CrmDbContext db, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        Csv.WriteRow(output, ["id", "organisation", "name", "role", "email", "phone", "consentToContact", "consentSource", "consentRecordedAt"]);
        var organisations = db.Organisations.AsNoTracking();
        var rows = await db.Contacts.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new { Contact = c, Organisation = organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        foreach (var (c, organisation) in rows.Select(r => (r.Contact, r.Organisation)))
        {
            Csv.WriteRow(output, [c.Id.ToString(), organisation, c.Name, c.Role, c.ConsentToContact ? c.Email : null, c.ConsentToContact ? c.Phone : null,
                c.ConsentToContact ? "yes" : "no", c.ConsentSource, c.ConsentRecordedAt?.ToString("O")]);
        }

        return Csv.Download(output.ToString(), $"{tenant.RequiredTenant.Slug}-contacts.csv");
    }
}
