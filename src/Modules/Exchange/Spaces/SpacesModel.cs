using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Editions;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>How the exchange's database holds spaces, their member tenants and delegates.</summary>
internal static class SpacesModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Space>(space =>
        {
            space.ToTable("spaces");
            space.HasKey(s => s.Id);
            space.HasIndex(s => s.HostTenantId);
            space.Property(s => s.Name).HasMaxLength(200);
            space.Property(s => s.Description).HasMaxLength(4_000);
            space.Property(s => s.Visibility).HasConversion<string>().HasMaxLength(20);
            space.HasIndex(s => s.EditionId);
            space.HasOne<ForumEdition>().WithMany().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<SpaceMember>(member =>
        {
            member.ToTable("space_members");
            member.HasKey(m => new { m.SpaceId, m.TenantId });
            member.HasIndex(m => m.TenantId);
            member.HasOne<Space>().WithMany().HasForeignKey(m => m.SpaceId).OnDelete(DeleteBehavior.Cascade);
            member.Property(m => m.TenantName).HasMaxLength(200);
            member.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<SpaceDelegate>(delegation =>
        {
            delegation.ToTable("space_delegates");
            delegation.HasKey(d => new { d.SpaceId, d.TenantId, d.UserId });
            delegation.HasIndex(d => new { d.UserId, d.SpaceId });
            delegation.HasOne<SpaceMember>().WithMany().HasForeignKey(d => new { d.SpaceId, d.TenantId }).OnDelete(DeleteBehavior.Cascade);
            delegation.Property(d => d.DisplayName).HasMaxLength(200);
        });
    }
}
