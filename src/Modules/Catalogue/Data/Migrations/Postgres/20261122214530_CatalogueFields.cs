using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace NucleusCloud.Modules.Catalogue.Data.Migrations.Postgres
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

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.AddColumn<List<string>>(
                name: "BuildingBlocks",
                schema: "catalogue",
                table: "solutions",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "CaseStudyText",
                schema: "catalogue",
                table: "solutions",
                type: "character varying(200000)",
                maxLength: 200000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DpgKey",
                schema: "catalogue",
                table: "solutions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int[]>(
                name: "Offerings",
                schema: "catalogue",
                table: "solutions",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[0]);

            migrationBuilder.AddColumn<bool>(
                name: "OpenSource",
                schema: "catalogue",
                table: "solutions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "ProviderPartnerIds",
                schema: "catalogue",
                table: "solutions",
                type: "uuid[]",
                nullable: false);

            migrationBuilder.AddColumn<List<string>>(
                name: "Sectors",
                schema: "catalogue",
                table: "solutions",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<List<string>>(
                name: "Standards",
                schema: "catalogue",
                table: "solutions",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "links",
                schema: "catalogue",
                table: "solutions",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "media",
                schema: "catalogue",
                table: "solutions",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                schema: "catalogue",
                table: "solutions",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple', coalesce(\"Name\", '')), 'A') || setweight(to_tsvector('simple', coalesce(\"Summary\", '')), 'B') || setweight(to_tsvector('simple', coalesce(\"Description\", '')), 'C') || setweight(to_tsvector('simple', coalesce(\"CaseStudyText\", '')), 'D')",
                stored: true);

            migrationBuilder.CreateTable(
                name: "case_studies",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SolutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Problem = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Approach = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Outputs = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Outcomes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: true)
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
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SolutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Fields = table.Column<List<string>>(type: "text[]", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_solution_changes", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_solutions_tenant_search",
                schema: "catalogue",
                table: "solutions",
                columns: new[] { "TenantId", "search_vector" })
                .Annotation("Npgsql:IndexMethod", "gin");

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
                name: "ix_solutions_tenant_search",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropIndex(
                name: "IX_solutions_TenantId_DpgKey",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "search_vector",
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

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                schema: "catalogue",
                table: "solutions",
                type: "character varying(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "");
        }
    }
}
