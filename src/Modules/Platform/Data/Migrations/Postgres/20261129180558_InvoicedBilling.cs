using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InvoicedBilling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CollectionMethod",
                schema: "platform",
                table: "tenant_billing",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "charge_automatically");

            migrationBuilder.AddColumn<string>(
                name: "InvoiceEmail",
                schema: "platform",
                table: "tenant_billing",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SponsorName",
                schema: "platform",
                table: "tenant_billing",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SponsorTenantId",
                schema: "platform",
                table: "tenant_billing",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CollectionMethod",
                schema: "platform",
                table: "tenant_billing");

            migrationBuilder.DropColumn(
                name: "InvoiceEmail",
                schema: "platform",
                table: "tenant_billing");

            migrationBuilder.DropColumn(
                name: "SponsorName",
                schema: "platform",
                table: "tenant_billing");

            migrationBuilder.DropColumn(
                name: "SponsorTenantId",
                schema: "platform",
                table: "tenant_billing");
        }
    }
}
