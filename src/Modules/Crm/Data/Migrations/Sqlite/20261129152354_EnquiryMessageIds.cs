using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Crm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnquiryMessageIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MessageId",
                schema: "crm",
                table: "enquiries",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_enquiries_TenantId_MessageId",
                schema: "crm",
                table: "enquiries",
                columns: new[] { "TenantId", "MessageId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enquiries_TenantId_MessageId",
                schema: "crm",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "MessageId",
                schema: "crm",
                table: "enquiries");
        }
    }
}
