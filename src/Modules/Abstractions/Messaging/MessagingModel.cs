using Microsoft.EntityFrameworkCore;

namespace NucleusCloud.Modules.Abstractions.Messaging;

/// <summary>A module context that publishes integration events.</summary>
public interface IOutboxContext
{
    DbSet<OutboxMessage> Outbox { get; }
}

/// <summary>A module context that handles integration events.</summary>
public interface IInboxContext
{
    DbSet<InboxEntry> Inbox { get; }
}

public static class MessagingModel
{
    /// <summary>
    /// Maps the module's outbox into its schema, after <c>HasDefaultSchema</c>. The module's name leads the
    /// table's: SQLite has no schemas, and every module's tables share its one file.
    /// </summary>
    public static void AddOutbox(this ModelBuilder modelBuilder) => modelBuilder.Entity<OutboxMessage>(message =>
    {
        message.ToTable(TableName(modelBuilder, "outbox"));
        message.HasKey(m => m.Id);
        // The dispatcher's question: what is still to deliver, oldest first.
        message.HasIndex(m => new { m.DispatchedAt, m.OccurredAt });
        message.Property(m => m.Type).HasMaxLength(100);
        message.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
    });

    public static void AddInbox(this ModelBuilder modelBuilder) => modelBuilder.Entity<InboxEntry>(entry =>
    {
        entry.ToTable(TableName(modelBuilder, "inbox"));
        entry.HasKey(e => new { e.TenantId, e.EventId, e.Handler });
        entry.Property(e => e.Handler).HasMaxLength(200);
    });

    private static string TableName(ModelBuilder modelBuilder, string table) =>
        $"{modelBuilder.Model.GetDefaultSchema() ?? throw new InvalidOperationException("Set the module's default schema first.")}_{table}";
}
