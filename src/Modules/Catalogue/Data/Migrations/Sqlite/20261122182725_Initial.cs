using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Catalogue.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "catalogue");

            migrationBuilder.CreateTable(
                name: "solutions",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Maturity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WebsiteUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Sdgs = table.Column<string>(type: "TEXT", nullable: false),
                    DevelopmentCountries = table.Column<string>(type: "TEXT", nullable: false),
                    DeploymentCountries = table.Column<string>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_solutions", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_solutions_TenantId_Slug",
                schema: "catalogue",
                table: "solutions",
                columns: new[] { "TenantId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_solutions_TenantId_Status_Name",
                schema: "catalogue",
                table: "solutions",
                columns: new[] { "TenantId", "Status", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "solutions",
                schema: "catalogue");
        }
    }
}
