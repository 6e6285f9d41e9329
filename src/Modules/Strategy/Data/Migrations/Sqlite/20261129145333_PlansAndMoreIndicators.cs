using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Strategy.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlansAndMoreIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Currency",
                schema: "strategy",
                table: "indicator_facts",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Weight",
                schema: "strategy",
                table: "indicator_facts",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "manual_actuals",
                schema: "strategy",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EnteredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Aim = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Outputs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planned_actions", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "visions",
                schema: "strategy",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    CollaborationAim = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DiplomacyAim = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ExportAim = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TargetMarkets = table.Column<string>(type: "TEXT", nullable: false),
                    Regions = table.Column<string>(type: "TEXT", nullable: false),
                    CompetitiveAdvantages = table.Column<string>(type: "TEXT", nullable: false),
                    ReportingCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visions", x => x.TenantId);
                });

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
                name: "manual_actuals",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "planned_actions",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "visions",
                schema: "strategy");

            migrationBuilder.DropColumn(
                name: "Currency",
                schema: "strategy",
                table: "indicator_facts");

            migrationBuilder.DropColumn(
                name: "Weight",
                schema: "strategy",
                table: "indicator_facts");
        }
    }
}
