namespace NucleusCloud.Modules.Partners.Contracts;

/// <summary>The current tenant's partners, for pages and other modules.</summary>
public interface IPartnerDirectory
{
    Task<IReadOnlyList<PartnerListItem>> ListAsync(CancellationToken cancellationToken = default);

    Task<PartnerDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default);
}
