using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.Partners.Data;
using NucleusCloud.Modules.Partners.Partners;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Partners.Agreements;

/// <summary><c>/api/{tenant}/partners/{partnerId}/agreements</c>: partnership agreements, newest first.</summary>
internal static class AgreementEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = PartnerEndpoints.Group(endpoints).MapGroup("/{partnerId:guid}/agreements").WithTags("Partners: agreements");
        group.MapGet("", List).WithName("ListAgreements").RequireAuthorization(PartnerPermissions.Read).Validate<PageQuery>();
        group.MapPost("", Create).WithName("CreateAgreement").RequireAuthorization(PartnerPermissions.Write).Validate<AgreementEdit>();
        group.MapPut("/{id:guid}", Update).WithName("UpdateAgreement").RequireAuthorization(PartnerPermissions.Write).Validate<AgreementEdit>();
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteAgreement").RequireAuthorization(PartnerPermissions.Write);
    }

    /// <summary>A partner's agreements; shared with the partner portal.</summary>
    public static async Task<IResult> ListOf(Guid partnerId, PageQuery page, PartnersDbContext db, CancellationToken cancellationToken) =>
        !await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken)
            ? ApiProblems.NotFound("Partner")
            : TypedResults.Ok(await db.Agreements.AsNoTracking().Where(a => a.PartnerId == partnerId)
                .OrderByDescending(a => a.StartsOn).ThenBy(a => a.Id).ToPageAsync(page, a => a.ToDetails(), cancellationToken));

    private static Task<IResult> List(Guid partnerId, [AsParameters] PageQuery page, PartnersDbContext db, CancellationToken cancellationToken) =>
        ListOf(partnerId, page, db, cancellationToken);

    private static async Task<IResult> Create(Guid partnerId, AgreementEdit request, PartnerRegister register, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await register.AddAgreementAsync(partnerId, request, cancellationToken),
            agreement => $"/api/{tenant.RequiredTenant.Slug}/partners/{partnerId}/agreements/{agreement.Id}");

    private static async Task<IResult> Update(Guid partnerId, Guid id, AgreementEdit request, PartnerRegister register, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await register.UpdateAgreementAsync(partnerId, id, request, cancellationToken));

    private static async Task<IResult> Delete(Guid partnerId, Guid id, PartnerRegister register, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await register.DeleteAgreementAsync(partnerId, id, cancellationToken));
}

/// <summary>Copies a validated agreement onto its entity.</summary>
internal static class AgreementFields
{
    public static void Apply(AgreementEdit edit, PartnershipAgreement agreement)
    {
        agreement.Title = edit.Title!.Trim();
        agreement.OurResponsibilities = edit.OurResponsibilities?.Trim() ?? "";
        agreement.PartnerResponsibilities = edit.PartnerResponsibilities?.Trim() ?? "";
        agreement.StartsOn = edit.StartsOn!.Value;
        agreement.EndsOn = edit.EndsOn;
        agreement.Status = edit.Status ?? AgreementStatus.Draft;
        agreement.Documents = edit.Documents is { } documents
            ? [.. documents.Select(d => new AgreementDocument { Title = d.Title.Trim(), Url = d.Url.Trim() })]
            : agreement.Documents;
    }
}

internal sealed class AgreementEditValidator : AbstractValidator<AgreementEdit>
{
    public AgreementEditValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
        RuleFor(r => r.OurResponsibilities).MaximumLength(10_000);
        RuleFor(r => r.PartnerResponsibilities).MaximumLength(10_000);
        RuleFor(r => r.StartsOn).NotNull();
        RuleFor(r => r.EndsOn).GreaterThanOrEqualTo(r => r.StartsOn).When(r => r.EndsOn is not null && r.StartsOn is not null)
            .WithMessage("An agreement cannot end before it starts.");
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.Documents).Must(d => d is null || d.Count <= 20).WithMessage("List at most 20 documents.");
        RuleForEach(r => r.Documents).ChildRules(document =>
        {
            document.RuleFor(d => d.Title).NotEmpty().MaximumLength(200);
            document.RuleFor(d => d.Url).NotEmpty().MaximumLength(2_000).Must(WebAddresses.IsHttp)
                .WithMessage(WebAddresses.Message);
        });
        RuleFor(r => r.Version).GreaterThanOrEqualTo(1);
    }
}
