using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Exchange.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitialSqlServer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "exchange");

            migrationBuilder.CreateTable(
                name: "forum_editions",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HostTenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HostName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicPage = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forum_editions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "live_notices",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PostedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mail_preferences",
                schema: "exchange",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Mode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastSentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_preferences", x => new { x.TenantId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "space_presence",
                schema: "exchange",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TenantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HostId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SeenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_presence", x => x.ConnectionId);
                });

            migrationBuilder.CreateTable(
                name: "edition_invitations",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EditionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Organisation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CountryCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OnboardingId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_edition_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_edition_invitations_forum_editions_EditionId",
                        column: x => x.EditionId,
                        principalSchema: "exchange",
                        principalTable: "forum_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "edition_opt_outs",
                schema: "exchange",
                columns: table => new
                {
                    EditionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_edition_opt_outs", x => new { x.EditionId, x.TenantId });
                    table.ForeignKey(
                        name: "FK_edition_opt_outs_forum_editions_EditionId",
                        column: x => x.EditionId,
                        principalSchema: "exchange",
                        principalTable: "forum_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "spaces",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HostTenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Visibility = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    HistoryVisibleToNewMembers = table.Column<bool>(type: "bit", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EditionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spaces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_spaces_forum_editions_EditionId",
                        column: x => x.EditionId,
                        principalSchema: "exchange",
                        principalTable: "forum_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_agreements",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Areas = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ProposerTenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProposerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PartnerTenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_agreements_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalSchema: "exchange",
                        principalTable: "spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_requests",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AskedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledge_requests_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalSchema: "exchange",
                        principalTable: "spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_channels",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_channels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_channels_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalSchema: "exchange",
                        principalTable: "spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_documents",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SharedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_documents_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalSchema: "exchange",
                        principalTable: "spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_events",
                schema: "exchange",
                columns: table => new
                {
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PostId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Data = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_events", x => new { x.SpaceId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_space_events_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalSchema: "exchange",
                        principalTable: "spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_mail_items",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_mail_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_mail_items_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalSchema: "exchange",
                        principalTable: "spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_meetings",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganiserTenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganiserTenantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    Location = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    TimeZone = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StartAnnouncedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    sessions = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_meetings_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalSchema: "exchange",
                        principalTable: "spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_members",
                schema: "exchange",
                columns: table => new
                {
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SuggestSolutions = table.Column<bool>(type: "bit", nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    JoinedAfterSequence = table.Column<long>(type: "bigint", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_members", x => new { x.SpaceId, x.TenantId });
                    table.ForeignKey(
                        name: "FK_space_members_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalSchema: "exchange",
                        principalTable: "spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shared_snapshots",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SharedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SolutionSlug = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_snapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_shared_snapshots_knowledge_requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "exchange",
                        principalTable: "knowledge_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tenant_notices",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FromTenant = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tenant_notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tenant_notices_knowledge_requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "exchange",
                        principalTable: "knowledge_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_channel_reads",
                schema: "exchange",
                columns: table => new
                {
                    ChannelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_channel_reads", x => new { x.ChannelId, x.UserId });
                    table.ForeignKey(
                        name: "FK_space_channel_reads_space_channels_ChannelId",
                        column: x => x.ChannelId,
                        principalSchema: "exchange",
                        principalTable: "space_channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_posts",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AuthorTenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorTenantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Html = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EditedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeletedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Mentions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Attachments = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    HiddenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    HiddenReason = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PinnedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_posts_space_channels_ChannelId",
                        column: x => x.ChannelId,
                        principalSchema: "exchange",
                        principalTable: "space_channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_rsvps",
                schema: "exchange",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TenantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_rsvps", x => new { x.MeetingId, x.UserId });
                    table.ForeignKey(
                        name: "FK_meeting_rsvps_space_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "exchange",
                        principalTable: "space_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_delegates",
                schema: "exchange",
                columns: table => new
                {
                    SpaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IsModerator = table.Column<bool>(type: "bit", nullable: false),
                    DelegatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_delegates", x => new { x.SpaceId, x.TenantId, x.UserId });
                    table.ForeignKey(
                        name: "FK_space_delegates_space_members_SpaceId_TenantId",
                        columns: x => new { x.SpaceId, x.TenantId },
                        principalSchema: "exchange",
                        principalTable: "space_members",
                        principalColumns: new[] { "SpaceId", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_post_reactions",
                schema: "exchange",
                columns: table => new
                {
                    PostId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_post_reactions", x => new { x.PostId, x.UserId, x.Kind });
                    table.ForeignKey(
                        name: "FK_space_post_reactions_space_posts_PostId",
                        column: x => x.PostId,
                        principalSchema: "exchange",
                        principalTable: "space_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_post_revisions",
                schema: "exchange",
                columns: table => new
                {
                    PostId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReplacedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_post_revisions", x => new { x.PostId, x.Version });
                    table.ForeignKey(
                        name: "FK_space_post_revisions_space_posts_PostId",
                        column: x => x.PostId,
                        principalSchema: "exchange",
                        principalTable: "space_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_agreements_SpaceId_CreatedAt",
                schema: "exchange",
                table: "cooperation_agreements",
                columns: new[] { "SpaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_edition_invitations_EditionId_CreatedAt",
                schema: "exchange",
                table: "edition_invitations",
                columns: new[] { "EditionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_edition_invitations_Status_CreatedAt",
                schema: "exchange",
                table: "edition_invitations",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_forum_editions_HostTenantId_Slug",
                schema: "exchange",
                table: "forum_editions",
                columns: new[] { "HostTenantId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_requests_SpaceId_CreatedAt",
                schema: "exchange",
                table: "knowledge_requests",
                columns: new[] { "SpaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_live_notices_PostedAt",
                schema: "exchange",
                table: "live_notices",
                column: "PostedAt");

            migrationBuilder.CreateIndex(
                name: "IX_shared_snapshots_RequestId",
                schema: "exchange",
                table: "shared_snapshots",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_shared_snapshots_SpaceId_TenantId",
                schema: "exchange",
                table: "shared_snapshots",
                columns: new[] { "SpaceId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_space_channel_reads_UserId_SpaceId",
                schema: "exchange",
                table: "space_channel_reads",
                columns: new[] { "UserId", "SpaceId" });

            migrationBuilder.CreateIndex(
                name: "IX_space_channels_SpaceId_Name",
                schema: "exchange",
                table: "space_channels",
                columns: new[] { "SpaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_space_delegates_UserId_SpaceId",
                schema: "exchange",
                table: "space_delegates",
                columns: new[] { "UserId", "SpaceId" });

            migrationBuilder.CreateIndex(
                name: "IX_space_documents_SpaceId_SharedAt",
                schema: "exchange",
                table: "space_documents",
                columns: new[] { "SpaceId", "SharedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_space_events_SpaceId_PostId",
                schema: "exchange",
                table: "space_events",
                columns: new[] { "SpaceId", "PostId" });

            migrationBuilder.CreateIndex(
                name: "IX_space_mail_items_ClaimedUntil_CreatedAt",
                schema: "exchange",
                table: "space_mail_items",
                columns: new[] { "ClaimedUntil", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_space_mail_items_SpaceId",
                schema: "exchange",
                table: "space_mail_items",
                column: "SpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_space_mail_items_TenantId_UserId",
                schema: "exchange",
                table: "space_mail_items",
                columns: new[] { "TenantId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_space_meetings_SpaceId_StartsAt",
                schema: "exchange",
                table: "space_meetings",
                columns: new[] { "SpaceId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_space_meetings_StartAnnouncedAt_StartsAt",
                schema: "exchange",
                table: "space_meetings",
                columns: new[] { "StartAnnouncedAt", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_space_members_TenantId",
                schema: "exchange",
                table: "space_members",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_space_posts_ChannelId_ThreadId_CreatedAt",
                schema: "exchange",
                table: "space_posts",
                columns: new[] { "ChannelId", "ThreadId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_space_presence_HostId",
                schema: "exchange",
                table: "space_presence",
                column: "HostId");

            migrationBuilder.CreateIndex(
                name: "IX_space_presence_SpaceId_SeenAt",
                schema: "exchange",
                table: "space_presence",
                columns: new[] { "SpaceId", "SeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spaces_EditionId",
                schema: "exchange",
                table: "spaces",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_spaces_HostTenantId",
                schema: "exchange",
                table: "spaces",
                column: "HostTenantId");

            migrationBuilder.CreateIndex(
                name: "IX_tenant_notices_RequestId",
                schema: "exchange",
                table: "tenant_notices",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_tenant_notices_TenantId_CreatedAt",
                schema: "exchange",
                table: "tenant_notices",
                columns: new[] { "TenantId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cooperation_agreements",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "edition_invitations",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "edition_opt_outs",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "live_notices",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "mail_preferences",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "meeting_rsvps",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "shared_snapshots",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_channel_reads",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_delegates",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_documents",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_events",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_mail_items",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_post_reactions",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_post_revisions",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_presence",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "tenant_notices",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_meetings",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_members",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_posts",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "knowledge_requests",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_channels",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "spaces",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "forum_editions",
                schema: "exchange");
        }
    }
}
