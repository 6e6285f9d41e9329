using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Strategy.Data.Migrations.Postgres
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
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Weight",
                schema: "strategy",
                table: "indicator_facts",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "manual_actuals",
                schema: "strategy",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EnteredBy = table.Column<Guid>(type: "uuid", nullable: true),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Aim = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Outputs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    CollaborationAim = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DiplomacyAim = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ExportAim = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TargetMarkets = table.Column<List<string>>(type: "text[]", nullable: false),
                    Regions = table.Column<List<string>>(type: "text[]", nullable: false),
                    CompetitiveAdvantages = table.Column<List<string>>(type: "text[]", nullable: false),
                    ReportingCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
