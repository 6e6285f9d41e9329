using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Exchange.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "space_channel_reads",
                schema: "exchange",
                columns: table => new
                {
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_space_channel_reads_UserId_SpaceId",
                schema: "exchange",
                table: "space_channel_reads",
                columns: new[] { "UserId", "SpaceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "space_channel_reads",
                schema: "exchange");
        }
    }
}
