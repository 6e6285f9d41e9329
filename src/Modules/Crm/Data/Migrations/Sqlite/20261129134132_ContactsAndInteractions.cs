using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Crm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactsAndInteractions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contacts",
                schema: "crm",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ConsentToContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ConsentRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contacts", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "interactions",
                schema: "crm",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interactions", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_contacts_TenantId_Email",
                schema: "crm",
                table: "contacts",
                columns: new[] { "TenantId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_contacts_TenantId_OrganisationId_Name",
                schema: "crm",
                table: "contacts",
                columns: new[] { "TenantId", "OrganisationId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_interactions_TenantId_ContactId",
                schema: "crm",
                table: "interactions",
                columns: new[] { "TenantId", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_interactions_TenantId_OrganisationId_OccurredOn",
                schema: "crm",
                table: "interactions",
                columns: new[] { "TenantId", "OrganisationId", "OccurredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contacts",
                schema: "crm");

            migrationBuilder.DropTable(
                name: "interactions",
                schema: "crm");
        }
    }
}
