using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Agreements;

/// <summary>How the exchange's database holds cooperation agreements.</summary>
internal static class AgreementsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CooperationAgreement>(agreement =>
        {
            agreement.ToTable("cooperation_agreements");
            agreement.HasKey(a => a.Id);
            agreement.HasIndex(a => new { a.SpaceId, a.CreatedAt });
            agreement.HasOne<Space>().WithMany().HasForeignKey(a => a.SpaceId).OnDelete(DeleteBehavior.Cascade);
            agreement.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
            agreement.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            agreement.Property(a => a.Title).HasMaxLength(200);
            agreement.Property(a => a.ProposerName).HasMaxLength(200);
            agreement.Property(a => a.PartnerName).HasMaxLength(200);
            agreement.Property(a => a.Version).IsConcurrencyToken();
        });
    }
}
