using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NucleusCloud.Modules.Catalogue.Search;
using NpgsqlTypes;

#nullable disable

namespace NucleusCloud.Modules.Catalogue.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchIndexInMemory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_solutions_tenant_search",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.DropColumn(
                name: "search_vector",
                schema: "catalogue",
                table: "solutions");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.CreateTable(
                name: "search_stamps",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_stamps", x => x.TenantId);
                });

            migrationBuilder.Sql(SolutionSearchSql.StampsForExistingTenants("catalogue."));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_stamps",
                schema: "catalogue");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                schema: "catalogue",
                table: "solutions",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple', coalesce(\"Name\", '')), 'A') || setweight(to_tsvector('simple', coalesce(\"Summary\", '')), 'B') || setweight(to_tsvector('simple', coalesce(\"Description\", '')), 'C') || setweight(to_tsvector('simple', coalesce(\"CaseStudyText\", '')), 'D')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_solutions_tenant_search",
                schema: "catalogue",
                table: "solutions",
                columns: new[] { "TenantId", "search_vector" })
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
