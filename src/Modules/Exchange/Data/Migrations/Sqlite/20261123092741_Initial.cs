using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Exchange.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "exchange");

            migrationBuilder.CreateTable(
                name: "space_presence",
                schema: "exchange",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TenantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_presence", x => x.ConnectionId);
                });

            migrationBuilder.CreateTable(
                name: "spaces",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HostTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_agreements",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Areas = table.Column<string>(type: "TEXT", nullable: false),
                    ProposerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AskedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SharedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SharedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "space_meetings",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganiserTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganiserTenantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartAnnouncedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    sessions = table.Column<string>(type: "TEXT", nullable: true)
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
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SuggestSolutions = table.Column<bool>(type: "INTEGER", nullable: false),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SharedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SolutionSlug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    SharedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromTenant = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "space_posts",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorTenantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EditedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Mentions = table.Column<string>(type: "TEXT", nullable: false),
                    Attachments = table.Column<string>(type: "TEXT", nullable: false)
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
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TenantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsModerator = table.Column<bool>(type: "INTEGER", nullable: false),
                    DelegatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ReplacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplacedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                name: "IX_knowledge_requests_SpaceId_CreatedAt",
                schema: "exchange",
                table: "knowledge_requests",
                columns: new[] { "SpaceId", "CreatedAt" });

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
                name: "meeting_rsvps",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "shared_snapshots",
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
        }
    }
}
