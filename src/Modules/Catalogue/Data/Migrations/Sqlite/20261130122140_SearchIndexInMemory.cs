using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NucleusCloud.Modules.Catalogue.Search;

#nullable disable

namespace NucleusCloud.Modules.Catalogue.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexInMemory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SolutionSearchSql.SqliteIndexDropped)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.CreateTable(
                name: "search_stamps",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_stamps", x => x.TenantId);
                });

            migrationBuilder.Sql(SolutionSearchSql.StampsForExistingTenants(""));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_stamps",
                schema: "catalogue");

            foreach (var statement in SolutionSearchSql.SqliteIndex)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
