using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Catalogue.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitialSqlServer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "catalogue");

            migrationBuilder.CreateTable(
                name: "catalogue_inbox",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Handler = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_inbox", x => new { x.TenantId, x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "solution_changes",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SolutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    FromStatus = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Fields = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_solution_changes", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "solutions",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Maturity = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Licence = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    OpenSource = table.Column<bool>(type: "bit", nullable: false),
                    WebsiteUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    BuildingBlocks = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Sectors = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Sdgs = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Offerings = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Standards = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DevelopmentCountries = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DeploymentCountries = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ProviderPartnerIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DpgKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CaseStudyText = table.Column<string>(type: "nvarchar(max)", maxLength: 200000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    links = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    media = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_solutions", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "case_studies",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SolutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    Year = table.Column<int>(type: "int", nullable: true),
                    Problem = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    Approach = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    Outputs = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    Outcomes = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    figures = table.Column<string>(type: "nvarchar(max)", nullable: true)
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
                name: "solution_proposals",
                schema: "catalogue",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SolutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProposedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    BaseVersion = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    WebsiteUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Standards = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    DeploymentCountries = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Message = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ReviewedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReviewNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
                name: "IX_case_studies_TenantId_SolutionId",
                schema: "catalogue",
                table: "case_studies",
                columns: new[] { "TenantId", "SolutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_solution_changes_TenantId_SolutionId_At",
                schema: "catalogue",
                table: "solution_changes",
                columns: new[] { "TenantId", "SolutionId", "At" });

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

            migrationBuilder.CreateIndex(
                name: "IX_solutions_TenantId_DpgKey",
                schema: "catalogue",
                table: "solutions",
                columns: new[] { "TenantId", "DpgKey" },
                unique: true,
                filter: "\"DpgKey\" IS NOT NULL");

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

            // Where the server has full-text search; outside the migration transaction, as SQL Server requires.
            migrationBuilder.Sql(Search.SolutionSearchSql.SqlServerIndex, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The full-text index and its catalogue first, outside a transaction as SQL Server requires.
            migrationBuilder.Sql("IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('catalogue.solutions')) DROP FULLTEXT INDEX ON catalogue.solutions", suppressTransaction: true);
            migrationBuilder.Sql("IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'catalogue_search') DROP FULLTEXT CATALOG catalogue_search", suppressTransaction: true);

            migrationBuilder.DropTable(
                name: "case_studies",
                schema: "catalogue");

            migrationBuilder.DropTable(
                name: "catalogue_inbox",
                schema: "catalogue");

            migrationBuilder.DropTable(
                name: "solution_changes",
                schema: "catalogue");

            migrationBuilder.DropTable(
                name: "solution_proposals",
                schema: "catalogue");

            migrationBuilder.DropTable(
                name: "solutions",
                schema: "catalogue");
        }
    }
}
