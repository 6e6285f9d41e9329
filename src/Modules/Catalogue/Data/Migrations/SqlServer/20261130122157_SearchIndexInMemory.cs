using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NucleusCloud.Modules.Catalogue.Search;

#nullable disable

namespace NucleusCloud.Modules.Catalogue.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchIndexInMemory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SolutionSearchSql.SqlServerIndexDropped, suppressTransaction: true);


            migrationBuilder.CreateTable(
                name: "search_stamps",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Value = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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

            migrationBuilder.Sql(SolutionSearchSql.SqlServerIndex, suppressTransaction: true);
        }
    }
}
