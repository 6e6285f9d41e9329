using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Exchange.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ForumEditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "EditionId",
                schema: "exchange",
                table: "spaces",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "forum_editions",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HostTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HostName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublicPage = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forum_editions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "edition_invitations",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EditionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OnboardingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    EditionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_spaces_EditionId",
                schema: "exchange",
                table: "spaces",
                column: "EditionId");

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

            migrationBuilder.AddForeignKey(
                name: "FK_spaces_forum_editions_EditionId",
                schema: "exchange",
                table: "spaces",
                column: "EditionId",
                principalSchema: "exchange",
                principalTable: "forum_editions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_spaces_forum_editions_EditionId",
                schema: "exchange",
                table: "spaces");

            migrationBuilder.DropTable(
                name: "edition_invitations",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "edition_opt_outs",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "forum_editions",
                schema: "exchange");

            migrationBuilder.DropIndex(
                name: "IX_spaces_EditionId",
                schema: "exchange",
                table: "spaces");

            migrationBuilder.DropColumn(
                name: "EditionId",
                schema: "exchange",
                table: "spaces");
        }
    }
}
