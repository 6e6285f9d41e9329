using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Catalogue.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogueFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.AddColumn<string>(
                name: "BuildingBlocks",
                schema: "catalogue",
                table: "solutions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "CaseStudyText",
                schema: "catalogue",
                table: "solutions",
                type: "TEXT",
                maxLength: 200000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DpgKey",
                schema: "catalogue",
                table: "solutions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Offerings",
                schema: "catalogue",
                table: "solutions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "OpenSource",
                schema: "catalogue",
                table: "solutions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ProviderPartnerIds",
                schema: "catalogue",
                table: "solutions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Sectors",
                schema: "catalogue",
                table: "solutions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Standards",
                schema: "catalogue",
                table: "solutions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "links",
                schema: "catalogue",
                table: "solutions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "media",
                schema: "catalogue",
                table: "solutions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_studies",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SolutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Approach = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Outputs = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Outcomes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    figures = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_studies", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_case_studies_solutions_TenantId_SolutionId",
                        columns: x => new { x.TenantId, x.SolutionId },
                        principalSchema: "catalogue",
                        principalTable: "solutions",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "solution_changes",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SolutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Fields = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_solution_changes", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_solutions_TenantId_DpgKey",
                schema: "catalogue",
                table: "solutions",
                columns: new[] { "TenantId", "DpgKey" },
                unique: true,
                filter: "\"DpgKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_case_studies_TenantId_SolutionId",
                schema: "catalogue",
                table: "case_studies",
                columns: new[] { "TenantId", "SolutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_solution_changes_TenantId_SolutionId_At",
                schema: "catalogue",
                table: "solution_changes",
                columns: new[] { "TenantId", "SolutionId", "At" });

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_studies",
                schema: "catalogue");

            migrationBuilder.DropTable(
                name: "solution_changes",
                schema: "catalogue");

            migrationBuilder.DropIndex(
                name: "IX_solutions_TenantId_DpgKey",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "BuildingBlocks",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "CaseStudyText",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "DpgKey",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "Offerings",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "OpenSource",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "ProviderPartnerIds",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "Sectors",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "Standards",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "links",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "media",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                schema: "catalogue",
                table: "solutions",
                type: "TEXT",
                maxLength: 800,
                nullable: false,
                defaultValue: "");
        }
    }
}
