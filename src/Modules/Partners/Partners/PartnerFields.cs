using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.Partners.Data;

namespace NucleusCloud.Modules.Partners.Partners;

/// <summary>Copies validated requests onto a partner, and saves it with the optimistic-concurrency check.</summary>
internal static class PartnerFields
{
    public static void Apply(Partner partner, PartnerRequest request)
    {
        partner.Name = request.Name!.Trim();
        partner.Kind = request.Kind!.Value;
        partner.Country = string.IsNullOrEmpty(request.Country) ? null : request.Country.ToUpperInvariant();
        ApplyProfile(partner, new PartnerProfileRequest(request.Summary, request.WebsiteUrl, request.Offerings, request.Regions, request.Contacts, request.Version));
    }

    /// <summary>Lists left out (null) keep their value.</summary>
    public static void ApplyProfile(Partner partner, PartnerProfileRequest request)
    {
        partner.Summary = request.Summary?.Trim() ?? "";
        partner.WebsiteUrl = string.IsNullOrWhiteSpace(request.WebsiteUrl) ? null : request.WebsiteUrl.Trim();
        partner.Offerings = request.Offerings is { } offerings ? [.. offerings.Distinct()] : partner.Offerings;
        partner.Regions = request.Regions is { } regions ? [.. regions.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)] : partner.Regions;
        partner.Contacts = request.Contacts is { } contacts
            ? [.. contacts.Select(c => new PartnerContact { Name = c.Name.Trim(), Role = c.Role?.Trim(), Email = c.Email?.Trim(), Phone = c.Phone?.Trim() })]
            : partner.Contacts;
    }

    public static async Task<IResult> SaveAsync(PartnersDbContext db, Partner partner, TimeProvider clock, CancellationToken cancellationToken)
    {
        partner.UpdatedAt = clock.GetStorableUtcNow();
        partner.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Conflict("The partner was changed by someone else meanwhile; reload it and try again.");
        }

        return TypedResults.Ok(partner.ToDetails());
    }

    public static IResult Stale(int current, int sent) =>
        ApiProblems.Conflict($"The partner was changed by someone else (version {current}, not {sent}); reload it and try again.");
}
