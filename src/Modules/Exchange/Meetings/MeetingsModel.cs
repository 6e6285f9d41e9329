using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Meetings;

/// <summary>How the exchange's database holds meetings and their answers.</summary>
internal static class MeetingsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Meeting>(meeting =>
        {
            meeting.ToTable("space_meetings");
            meeting.HasKey(m => m.Id);
            meeting.HasIndex(m => new { m.SpaceId, m.StartsAt });
            meeting.HasIndex(m => new { m.StartAnnouncedAt, m.StartsAt });
            meeting.HasOne<Space>().WithMany().HasForeignKey(m => m.SpaceId).OnDelete(DeleteBehavior.Cascade);
            meeting.Property(m => m.OrganiserTenantName).HasMaxLength(200);
            meeting.Property(m => m.Title).HasMaxLength(200);
            meeting.Property(m => m.Description).HasMaxLength(10_000);
            meeting.Property(m => m.Location).HasMaxLength(500);
            meeting.Property(m => m.TimeZone).HasMaxLength(64);
            meeting.Property(m => m.Version).IsConcurrencyToken();
            meeting.OwnsMany(m => m.Sessions, sessions => sessions.ToJson("sessions"));
        });
        modelBuilder.Entity<Rsvp>(rsvp =>
        {
            rsvp.ToTable("meeting_rsvps");
            rsvp.HasKey(r => new { r.MeetingId, r.UserId });
            rsvp.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
            rsvp.Property(r => r.DisplayName).HasMaxLength(200);
            rsvp.Property(r => r.TenantName).HasMaxLength(200);
            rsvp.Property(r => r.Answer).HasConversion<string>().HasMaxLength(10);
        });
    }
}
