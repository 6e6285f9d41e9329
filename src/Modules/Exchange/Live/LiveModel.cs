using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>How the exchange's database holds the numbered event log and presence.</summary>
internal static class LiveModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SpaceEvent>(entry =>
        {
            entry.ToTable("space_events");
            entry.HasKey(e => new { e.SpaceId, e.Sequence });
            entry.HasOne<Space>().WithMany().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Cascade);
            entry.Property(e => e.Type).HasMaxLength(40);
            entry.HasIndex(e => new { e.SpaceId, e.PostId });
        });
        modelBuilder.Entity<PresenceEntry>(presence =>
        {
            presence.ToTable("space_presence");
            presence.HasKey(p => p.ConnectionId);
            presence.HasIndex(p => new { p.SpaceId, p.SeenAt });
            presence.HasIndex(p => p.HostId);
            presence.Property(p => p.ConnectionId).HasMaxLength(100);
            presence.Property(p => p.DisplayName).HasMaxLength(200);
            presence.Property(p => p.TenantName).HasMaxLength(200);
        });
    }
}
