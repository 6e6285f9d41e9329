using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Exchange.Conversations;
using NucleusCloud.Modules.Exchange.Knowledge;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Modules.Exchange.Mail;
using NucleusCloud.Modules.Exchange.Meetings;
using NucleusCloud.Modules.Exchange.Agreements;
using NucleusCloud.Modules.Exchange.Documents;
using NucleusCloud.Modules.Exchange.Editions;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Data;

/// <summary>
/// Cross-tenant tables: a space belongs to no single tenant, so there is no tenant filter here.
/// Every read goes through <see cref="Spaces.SpaceAccess"/>, which checks the caller's membership first.
/// Each part of the exchange says how its tables are made (<c>…Model.Configure</c>, beside its entities).
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
        SpacesModel.Configure(modelBuilder);
        EditionsModel.Configure(modelBuilder);
        ConversationsModel.Configure(modelBuilder);
        LiveModel.Configure(modelBuilder);
        KnowledgeModel.Configure(modelBuilder);
        DocumentsModel.Configure(modelBuilder);
        MailModel.Configure(modelBuilder);
        MeetingsModel.Configure(modelBuilder);
        AgreementsModel.Configure(modelBuilder);
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
