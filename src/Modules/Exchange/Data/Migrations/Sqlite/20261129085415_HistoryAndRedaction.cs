using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Exchange.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "JoinedAfterSequence",
                schema: "exchange",
                table: "space_members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "PostId",
                schema: "exchange",
                table: "space_events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_space_events_SpaceId_PostId",
                schema: "exchange",
                table: "space_events",
                columns: new[] { "SpaceId", "PostId" });

            // Existing rows: events learn which post they carry; deleted posts lose their text everywhere,
            // edited ones keep it only in the latest entry; open spaces keep showing their history to newcomers.
            migrationBuilder.Sql("""
                UPDATE space_events SET PostId = upper(json_extract(Data, '$.id')) WHERE Type IN ('post.created', 'post.edited');
                UPDATE space_events SET PostId = upper(json_extract(Data, '$.postId')) WHERE Type IN ('post.deleted', 'reactions.changed');
                DELETE FROM space_post_revisions WHERE PostId IN (SELECT Id FROM space_posts WHERE DeletedAt IS NOT NULL);
                UPDATE space_events
                SET Data = (SELECT json_object('id', lower(p.Id), 'channelId', lower(p.ChannelId), 'threadId', lower(p.ThreadId), 'redacted', json('true'))
                            FROM space_posts p WHERE p.Id = space_events.PostId)
                WHERE Type IN ('post.created', 'post.edited') AND PostId IN (SELECT Id FROM space_posts)
                  AND (EXISTS (SELECT 1 FROM space_posts p WHERE p.Id = space_events.PostId AND p.DeletedAt IS NOT NULL)
                       OR Sequence < (SELECT max(l.Sequence) FROM space_events l
                                      WHERE l.SpaceId = space_events.SpaceId AND l.PostId = space_events.PostId AND l.Type = 'post.edited'));
                UPDATE spaces SET HistoryVisibleToNewMembers = 1 WHERE Visibility = 'Open';
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
