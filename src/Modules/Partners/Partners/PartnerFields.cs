
namespace NucleusCloud.Modules.Partners.Partners;

/// <summary>Copies validated requests onto a partner.</summary>
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
}
