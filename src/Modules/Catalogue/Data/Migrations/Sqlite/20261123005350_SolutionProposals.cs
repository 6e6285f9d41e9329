using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Catalogue.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SolutionProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "solution_proposals",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SolutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BaseVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    WebsiteUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Standards = table.Column<string>(type: "TEXT", nullable: true),
                    DeploymentCountries = table.Column<string>(type: "TEXT", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_solution_proposals", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_solution_proposals_solutions_TenantId_SolutionId",
                        columns: x => new { x.TenantId, x.SolutionId },
                        principalSchema: "catalogue",
                        principalTable: "solutions",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_solution_proposals_TenantId_PartnerId_ProposedAt",
                schema: "catalogue",
                table: "solution_proposals",
                columns: new[] { "TenantId", "PartnerId", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_solution_proposals_TenantId_SolutionId",
                schema: "catalogue",
                table: "solution_proposals",
                columns: new[] { "TenantId", "SolutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_solution_proposals_TenantId_Status_ProposedAt",
                schema: "catalogue",
                table: "solution_proposals",
                columns: new[] { "TenantId", "Status", "ProposedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "solution_proposals",
                schema: "catalogue");
        }
    }
}
