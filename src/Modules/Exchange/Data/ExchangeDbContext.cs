using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Exchange.Conversations;
using NucleusCloud.Modules.Exchange.Knowledge;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Modules.Exchange.Meetings;
using NucleusCloud.Modules.Exchange.Agreements;
using NucleusCloud.Modules.Exchange.Documents;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Data;

/// <summary>
/// Cross-tenant tables: a space belongs to no single tenant, so there is no tenant filter here.
/// Every read goes through <see cref="Spaces.SpaceAccess"/>, which checks the caller's membership first.
/// </summary>
internal abstract class ExchangeDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "exchange";

    public DbSet<Space> Spaces => Set<Space>();

    public DbSet<SpaceMember> Members => Set<SpaceMember>();

    public DbSet<SpaceDelegate> Delegates => Set<SpaceDelegate>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();

    public DbSet<Reaction> Reactions => Set<Reaction>();

    public DbSet<ChannelRead> ChannelReads => Set<ChannelRead>();

    public DbSet<SpaceEvent> Events => Set<SpaceEvent>();

    public DbSet<PresenceEntry> Presence => Set<PresenceEntry>();

    public DbSet<KnowledgeRequest> Requests => Set<KnowledgeRequest>();

    public DbSet<SharedSnapshot> Snapshots => Set<SharedSnapshot>();

    public DbSet<TenantNotice> Notices => Set<TenantNotice>();

    public DbSet<SpaceDocument> Documents => Set<SpaceDocument>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Rsvp> Rsvps => Set<Rsvp>();

    public DbSet<CooperationAgreement> Agreements => Set<CooperationAgreement>();

    public DbSet<Mail.MailItem> MailItems => Set<Mail.MailItem>();

    public DbSet<Mail.MailPreference> MailPreferences => Set<Mail.MailPreference>();

    public DbSet<Editions.ForumEdition> Editions => Set<Editions.ForumEdition>();

    public DbSet<Editions.EditionInvitation> EditionInvitations => Set<Editions.EditionInvitation>();

    public DbSet<Editions.EditionOptOut> EditionOptOuts => Set<Editions.EditionOptOut>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Table names say what they hold: SQLite has no schemas, so every module's tables share one namespace there.
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Space>(space =>
        {
            space.ToTable("spaces");
            space.HasKey(s => s.Id);
            space.HasIndex(s => s.HostTenantId);
            space.Property(s => s.Name).HasMaxLength(200);
            space.Property(s => s.Description).HasMaxLength(4_000);
            space.Property(s => s.Visibility).HasConversion<string>().HasMaxLength(20);
            space.HasIndex(s => s.EditionId);
            space.HasOne<Editions.ForumEdition>().WithMany().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Editions.ForumEdition>(edition =>
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
        modelBuilder.Entity<Editions.EditionInvitation>(invitation =>
        {
            invitation.ToTable("edition_invitations");
            invitation.HasKey(i => i.Id);
            invitation.HasIndex(i => new { i.EditionId, i.CreatedAt });
            invitation.HasIndex(i => new { i.Status, i.CreatedAt });
            invitation.HasOne<Editions.ForumEdition>().WithMany().HasForeignKey(i => i.EditionId).OnDelete(DeleteBehavior.Cascade);
            invitation.Property(i => i.Organisation).HasMaxLength(200);
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.CountryCode).HasMaxLength(2);
            invitation.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Editions.EditionOptOut>(optOut =>
        {
            optOut.ToTable("edition_opt_outs");
            optOut.HasKey(o => new { o.EditionId, o.TenantId });
            optOut.HasOne<Editions.ForumEdition>().WithMany().HasForeignKey(o => o.EditionId).OnDelete(DeleteBehavior.Cascade);
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
        modelBuilder.Entity<Mail.MailItem>(item =>
        {
            item.ToTable("space_mail_items");
            item.HasKey(i => i.Id);
            item.HasIndex(i => new { i.ClaimedUntil, i.CreatedAt });
            item.HasIndex(i => new { i.TenantId, i.UserId });
            item.HasOne<Space>().WithMany().HasForeignKey(i => i.SpaceId).OnDelete(DeleteBehavior.Cascade);
            item.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        });
        modelBuilder.Entity<Mail.MailPreference>(preference =>
        {
            preference.ToTable("mail_preferences");
            preference.HasKey(p => new { p.TenantId, p.UserId });
            preference.Property(p => p.Mode).HasConversion<string>().HasMaxLength(20);
            preference.Property(p => p.Language).HasMaxLength(5);
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

internal sealed class SqliteExchangeDbContext(DbContextOptions<SqliteExchangeDbContext> options) : ExchangeDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresExchangeDbContext(DbContextOptions<PostgresExchangeDbContext> options) : ExchangeDbContext(options);

/// <summary>SQL Server has no LISTEN/NOTIFY: its backplane passes notices through a table of its own (<see cref="Live.SqlServerBackplane"/>).</summary>
internal sealed class SqlServerExchangeDbContext(DbContextOptions<SqlServerExchangeDbContext> options) : ExchangeDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Live.LiveNotice>(notice =>
        {
            notice.ToTable("live_notices");
            notice.HasIndex(n => n.PostedAt);
        });
    }
}
