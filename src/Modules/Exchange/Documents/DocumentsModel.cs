using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Documents;

/// <summary>How the exchange's database holds documents shared in a space.</summary>
internal static class DocumentsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SpaceDocument>(document =>
        {
            document.ToTable("space_documents");
            document.HasKey(d => d.Id);
            document.HasIndex(d => new { d.SpaceId, d.SharedAt });
            document.HasOne<Space>().WithMany().HasForeignKey(d => d.SpaceId).OnDelete(DeleteBehavior.Cascade);
            document.Property(d => d.TenantName).HasMaxLength(200);
            document.Property(d => d.SharedBy).HasMaxLength(200);
            document.Property(d => d.Title).HasMaxLength(200);
            document.Property(d => d.FileName).HasMaxLength(120);
            document.Property(d => d.ContentType).HasMaxLength(120);
            document.Property(d => d.Sha256).HasMaxLength(64);
            document.Property(d => d.StorageKey).HasMaxLength(300);
        });
    }
}
