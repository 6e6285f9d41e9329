using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Catalogue.Data.Migrations.Postgres
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
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SolutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BaseVersion = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    WebsiteUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Standards = table.Column<List<string>>(type: "text[]", nullable: true),
                    DeploymentCountries = table.Column<List<string>>(type: "text[]", nullable: true),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
