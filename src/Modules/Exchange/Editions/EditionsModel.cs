using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Editions;

/// <summary>How the exchange's database holds forum editions, their invitations and opt-outs.</summary>
internal static class EditionsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ForumEdition>(edition =>
        {
            edition.ToTable("forum_editions");
            edition.HasKey(e => e.Id);
            edition.HasIndex(e => new { e.HostTenantId, e.Slug }).IsUnique();
            edition.Property(e => e.HostName).HasMaxLength(200);
            edition.Property(e => e.Name).HasMaxLength(200);
            edition.Property(e => e.Slug).HasMaxLength(60);
            edition.Property(e => e.Summary).HasMaxLength(4_000);
            edition.Property(e => e.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<EditionInvitation>(invitation =>
        {
            invitation.ToTable("edition_invitations");
            invitation.HasKey(i => i.Id);
            invitation.HasIndex(i => new { i.EditionId, i.CreatedAt });
            invitation.HasIndex(i => new { i.Status, i.CreatedAt });
            invitation.HasOne<ForumEdition>().WithMany().HasForeignKey(i => i.EditionId).OnDelete(DeleteBehavior.Cascade);
            invitation.Property(i => i.Organisation).HasMaxLength(200);
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.CountryCode).HasMaxLength(2);
            invitation.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<EditionOptOut>(optOut =>
        {
            optOut.ToTable("edition_opt_outs");
            optOut.HasKey(o => new { o.EditionId, o.TenantId });
            optOut.HasOne<ForumEdition>().WithMany().HasForeignKey(o => o.EditionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
