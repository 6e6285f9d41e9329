using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Crm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkingTools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite keeps the primary key with the table; its constraint name is not stored.
            migrationBuilder.RenameTable(
                name: "queries",
                newName: "enquiries");

            migrationBuilder.DropIndex(
                name: "IX_queries_TenantId_Status_ReceivedAt",
                table: "enquiries");

            migrationBuilder.CreateIndex(
                name: "IX_enquiries_TenantId_Status_ReceivedAt",
                table: "enquiries",
                columns: new[] { "TenantId", "Status", "ReceivedAt" });

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "enquiries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "crm_outbox",
                schema: "crm",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Probability = table.Column<int>(type: "INTEGER", nullable: true),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LostReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExpectedCloseOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    WebsiteUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                table: "enquiries");

            migrationBuilder.DropIndex(
                name: "IX_enquiries_TenantId_Status_ReceivedAt",
                table: "enquiries");

            migrationBuilder.CreateIndex(
                name: "IX_queries_TenantId_Status_ReceivedAt",
                table: "enquiries",
                columns: new[] { "TenantId", "Status", "ReceivedAt" });

            migrationBuilder.RenameTable(
                name: "enquiries",
                newName: "queries");

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
