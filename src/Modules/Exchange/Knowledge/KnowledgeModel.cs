using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Conversations;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Knowledge;

/// <summary>How the exchange's database holds knowledge requests, shared snapshots and the notices they raise.</summary>
internal static class KnowledgeModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnowledgeRequest>(request =>
        {
            request.ToTable("knowledge_requests");
            request.HasKey(r => r.Id);
            request.HasIndex(r => new { r.SpaceId, r.CreatedAt });
            request.HasOne<Space>().WithMany().HasForeignKey(r => r.SpaceId).OnDelete(DeleteBehavior.Cascade);
            request.Property(r => r.TenantName).HasMaxLength(200);
            request.Property(r => r.AskedBy).HasMaxLength(200);
            request.Property(r => r.Title).HasMaxLength(200);
            request.Property(r => r.Question).HasMaxLength(Conversation.MaxBodyLength);
            request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<SharedSnapshot>(snapshot =>
        {
            snapshot.ToTable("shared_snapshots");
            snapshot.HasKey(s => s.Id);
            snapshot.HasIndex(s => new { s.SpaceId, s.TenantId });
            snapshot.HasIndex(s => s.RequestId);
            snapshot.HasOne<KnowledgeRequest>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
            snapshot.Property(s => s.TenantName).HasMaxLength(200);
            snapshot.Property(s => s.SharedBy).HasMaxLength(200);
            snapshot.Property(s => s.SolutionSlug).HasMaxLength(200);
            snapshot.Property(s => s.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<TenantNotice>(notice =>
        {
            notice.ToTable("tenant_notices");
            notice.HasKey(n => n.Id);
            notice.HasIndex(n => new { n.TenantId, n.CreatedAt });
            notice.HasOne<KnowledgeRequest>().WithMany().HasForeignKey(n => n.RequestId).OnDelete(DeleteBehavior.Cascade);
            notice.Property(n => n.Title).HasMaxLength(200);
            notice.Property(n => n.FromTenant).HasMaxLength(200);
        });
    }
}
