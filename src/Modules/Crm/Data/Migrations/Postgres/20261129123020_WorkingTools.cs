using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Crm.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkingTools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_queries",
                schema: "crm",
                table: "queries");

            migrationBuilder.RenameTable(
                name: "queries",
                schema: "crm",
                newName: "enquiries",
                newSchema: "crm");

            migrationBuilder.RenameIndex(
                name: "IX_queries_TenantId_Status_ReceivedAt",
                schema: "crm",
                table: "enquiries",
                newName: "IX_enquiries_TenantId_Status_ReceivedAt");

            migrationBuilder.AddPrimaryKey(
                name: "PK_enquiries",
                schema: "crm",
                table: "enquiries",
                columns: new[] { "TenantId", "Id" });

            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "crm",
                table: "enquiries",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "crm_outbox",
                schema: "crm",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LockedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "opportunities",
                schema: "crm",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Probability = table.Column<int>(type: "integer", nullable: true),
                    FundingSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LostReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExpectedCloseOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunities", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                schema: "crm",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    WebsiteUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_crm_outbox_DispatchedAt_OccurredAt",
                schema: "crm",
                table: "crm_outbox",
                columns: new[] { "DispatchedAt", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_TenantId_OrganisationId",
                schema: "crm",
                table: "opportunities",
                columns: new[] { "TenantId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_TenantId_Stage_UpdatedAt",
                schema: "crm",
                table: "opportunities",
                columns: new[] { "TenantId", "Stage", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_organisations_TenantId_Country_Name",
                schema: "crm",
                table: "organisations",
                columns: new[] { "TenantId", "Country", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_organisations_TenantId_Name",
                schema: "crm",
                table: "organisations",
                columns: new[] { "TenantId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                schema: "crm",
                table: "enquiries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_enquiries",
                schema: "crm",
                table: "enquiries");

            migrationBuilder.RenameIndex(
                name: "IX_enquiries_TenantId_Status_ReceivedAt",
                schema: "crm",
                table: "enquiries",
                newName: "IX_queries_TenantId_Status_ReceivedAt");

            migrationBuilder.RenameTable(
                name: "enquiries",
                schema: "crm",
                newName: "queries",
                newSchema: "crm");

            migrationBuilder.AddPrimaryKey(
                name: "PK_queries",
                schema: "crm",
                table: "queries",
                columns: new[] { "TenantId", "Id" });

            migrationBuilder.DropTable(
                name: "crm_outbox",
                schema: "crm");

            migrationBuilder.DropTable(
                name: "opportunities",
                schema: "crm");

            migrationBuilder.DropTable(
                name: "organisations",
                schema: "crm");
        }
    }
}
