using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlansAndOnboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DefaultLanguage",
                schema: "platform",
                table: "tenants",
                type: "character varying(35)",
                maxLength: 35,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "Plan",
                schema: "platform",
                table: "tenants",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "national");

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                schema: "platform",
                table: "tenants",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            migrationBuilder.CreateTable(
                name: "tenant_onboardings",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    HostNames = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DefaultLanguage = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Plan = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DataPlacement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AdminEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CompletedSteps = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LeaseHolder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tenant_onboardings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tenant_onboardings_Slug",
                schema: "platform",
                table: "tenant_onboardings",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tenant_onboardings_Status_LeaseUntil",
                schema: "platform",
                table: "tenant_onboardings",
                columns: new[] { "Status", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_tenant_onboardings_TenantId",
                schema: "platform",
                table: "tenant_onboardings",
                column: "TenantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tenant_onboardings",
                schema: "platform");

            migrationBuilder.DropColumn(
                name: "DefaultLanguage",
                schema: "platform",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "Plan",
                schema: "platform",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                schema: "platform",
                table: "tenants");
        }
    }
}
