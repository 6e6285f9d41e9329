using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Strategy.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitialSqlServer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "strategy");

            migrationBuilder.CreateTable(
                name: "indicator_facts",
                schema: "strategy",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Indicator = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SourceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    Weight = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    SourceVersion = table.Column<int>(type: "int", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_facts", x => new { x.TenantId, x.Indicator, x.SourceId });
                });

            migrationBuilder.CreateTable(
                name: "indicator_targets",
                schema: "strategy",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Indicator = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Target = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_targets", x => new { x.TenantId, x.Indicator, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "manual_actuals",
                schema: "strategy",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Indicator = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    EnteredBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    EnteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_manual_actuals", x => new { x.TenantId, x.Indicator, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "planned_actions",
                schema: "strategy",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Aim = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Budget = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Outputs = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planned_actions", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "strategy_inbox",
                schema: "strategy",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Handler = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_inbox", x => new { x.TenantId, x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "visions",
                schema: "strategy",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Statement = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    StartYear = table.Column<int>(type: "int", nullable: false),
                    CollaborationAim = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DiplomacyAim = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ExportAim = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    TargetMarkets = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Regions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CompetitiveAdvantages = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ReportingCurrency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visions", x => x.TenantId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicator_facts_TenantId_Year_Indicator",
                schema: "strategy",
                table: "indicator_facts",
                columns: new[] { "TenantId", "Year", "Indicator" });

            migrationBuilder.CreateIndex(
                name: "IX_planned_actions_TenantId_Year_Aim",
                schema: "strategy",
                table: "planned_actions",
                columns: new[] { "TenantId", "Year", "Aim" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_facts",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "indicator_targets",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "manual_actuals",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "planned_actions",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "strategy_inbox",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "visions",
                schema: "strategy");
        }
    }
}
