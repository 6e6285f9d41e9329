using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Mail;

/// <summary>How the exchange's database holds the mail queue and preferences.</summary>
internal static class MailModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MailItem>(item =>
        {
            item.ToTable("space_mail_items");
            item.HasKey(i => i.Id);
            item.HasIndex(i => new { i.ClaimedUntil, i.CreatedAt });
            item.HasIndex(i => new { i.TenantId, i.UserId });
            item.HasOne<Space>().WithMany().HasForeignKey(i => i.SpaceId).OnDelete(DeleteBehavior.Cascade);
            item.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        });
        modelBuilder.Entity<MailPreference>(preference =>
        {
            preference.ToTable("mail_preferences");
            preference.HasKey(p => new { p.TenantId, p.UserId });
            preference.Property(p => p.Mode).HasConversion<string>().HasMaxLength(20);
            preference.Property(p => p.Language).HasMaxLength(5);
        });
    }
}
