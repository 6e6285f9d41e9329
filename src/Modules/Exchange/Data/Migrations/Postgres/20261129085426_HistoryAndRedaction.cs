using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HistoryAndRedaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HistoryVisibleToNewMembers",
                schema: "exchange",
                table: "spaces",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "JoinedAfterSequence",
                schema: "exchange",
                table: "space_members",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "PostId",
                schema: "exchange",
                table: "space_events",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_space_events_SpaceId_PostId",
                schema: "exchange",
                table: "space_events",
                columns: new[] { "SpaceId", "PostId" });

            // Existing rows: events learn which post they carry; deleted posts lose their text everywhere,
            // edited ones keep it only in the latest entry; open spaces keep showing their history to newcomers.
            migrationBuilder.Sql("""
                UPDATE exchange.space_events SET "PostId" = CAST(CAST("Data" AS jsonb)->>'id' AS uuid) WHERE "Type" IN ('post.created', 'post.edited');
                UPDATE exchange.space_events SET "PostId" = CAST(CAST("Data" AS jsonb)->>'postId' AS uuid) WHERE "Type" IN ('post.deleted', 'reactions.changed');
                DELETE FROM exchange.space_post_revisions r USING exchange.space_posts p WHERE r."PostId" = p."Id" AND p."DeletedAt" IS NOT NULL;
                UPDATE exchange.space_events e
                SET "Data" = json_build_object('id', p."Id", 'channelId', p."ChannelId", 'threadId', p."ThreadId", 'redacted', true)::text
                FROM exchange.space_posts p
                WHERE e."PostId" = p."Id" AND e."Type" IN ('post.created', 'post.edited')
                  AND (p."DeletedAt" IS NOT NULL OR e."Sequence" < (SELECT max(l."Sequence") FROM exchange.space_events l
                       WHERE l."SpaceId" = e."SpaceId" AND l."PostId" = p."Id" AND l."Type" = 'post.edited'));
                UPDATE exchange.spaces SET "HistoryVisibleToNewMembers" = true WHERE "Visibility" = 'Open';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_space_events_SpaceId_PostId",
                schema: "exchange",
                table: "space_events");

            migrationBuilder.DropColumn(
                name: "HistoryVisibleToNewMembers",
                schema: "exchange",
                table: "spaces");

            migrationBuilder.DropColumn(
                name: "JoinedAfterSequence",
                schema: "exchange",
                table: "space_members");

            migrationBuilder.DropColumn(
                name: "PostId",
                schema: "exchange",
                table: "space_events");
        }
    }
}
