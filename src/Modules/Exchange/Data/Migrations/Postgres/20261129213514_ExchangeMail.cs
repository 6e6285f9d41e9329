using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExchangeMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mail_preferences",
                schema: "exchange",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_preferences", x => new { x.TenantId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "space_mail_items",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mail_preferences",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "space_mail_items",
                schema: "exchange");
        }
    }
}
