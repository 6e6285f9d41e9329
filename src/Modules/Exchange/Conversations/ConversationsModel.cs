using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Conversations;

/// <summary>How the exchange's database holds channels, posts with their revisions and reactions, read markers.</summary>
internal static class ConversationsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Channel>(channel =>
        {
            channel.ToTable("space_channels");
            channel.HasKey(c => c.Id);
            channel.HasIndex(c => new { c.SpaceId, c.Name }).IsUnique();
            channel.HasOne<Space>().WithMany().HasForeignKey(c => c.SpaceId).OnDelete(DeleteBehavior.Cascade);
            channel.Property(c => c.Name).HasMaxLength(80);
            channel.Property(c => c.Topic).HasMaxLength(500);
        });
        modelBuilder.Entity<Post>(post =>
        {
            post.ToTable("space_posts");
            post.HasKey(p => p.Id);
            post.HasIndex(p => new { p.ChannelId, p.ThreadId, p.CreatedAt });
            post.HasOne<Channel>().WithMany().HasForeignKey(p => p.ChannelId).OnDelete(DeleteBehavior.Cascade);
            post.Property(p => p.AuthorTenantName).HasMaxLength(200);
            post.Property(p => p.AuthorName).HasMaxLength(200);
            post.Property(p => p.Body).HasMaxLength(Conversation.MaxBodyLength);
            post.Property(p => p.DeletedBy).HasMaxLength(200);
            post.Property(p => p.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<PostRevision>(revision =>
        {
            revision.ToTable("space_post_revisions");
            revision.HasKey(r => new { r.PostId, r.Version });
            revision.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
            revision.Property(r => r.Body).HasMaxLength(Conversation.MaxBodyLength);
            revision.Property(r => r.ReplacedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<Reaction>(reaction =>
        {
            reaction.ToTable("space_post_reactions");
            reaction.HasKey(r => new { r.PostId, r.UserId, r.Kind });
            reaction.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
            reaction.Property(r => r.Kind).HasMaxLength(20);
        });
        modelBuilder.Entity<ChannelRead>(read =>
        {
            read.ToTable("space_channel_reads");
            read.HasKey(r => new { r.ChannelId, r.UserId });
            read.HasIndex(r => new { r.UserId, r.SpaceId });
            read.HasOne<Channel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
