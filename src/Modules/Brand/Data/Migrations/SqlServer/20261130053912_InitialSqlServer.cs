using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Brand.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitialSqlServer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "brand");

            migrationBuilder.CreateTable(
                name: "assets",
                schema: "brand",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Tags = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    UsageRights = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ApprovedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    VideoUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CurrentVersion = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assets", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "kits",
                schema: "brand",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Tagline = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ValueProposition = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    PrimaryColour = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    AccentColour = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    TextColour = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    BackgroundColour = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    HeadingTypeface = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    BodyTypeface = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LogoAssetId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    MonochromeLogoAssetId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    IconAssetId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    key_messages = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kits", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "asset_files",
                schema: "brand",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssetId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Width = table.Column<int>(type: "int", nullable: true),
                    Height = table.Column<int>(type: "int", nullable: true),
                    UploadedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asset_files", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_asset_files_assets_TenantId_AssetId",
                        columns: x => new { x.TenantId, x.AssetId },
                        principalSchema: "brand",
                        principalTable: "assets",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_asset_files_TenantId_AssetId_Number",
                schema: "brand",
                table: "asset_files",
                columns: new[] { "TenantId", "AssetId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assets_TenantId_Kind_Title",
                schema: "brand",
                table: "assets",
                columns: new[] { "TenantId", "Kind", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_kits_TenantId",
                schema: "brand",
                table: "kits",
                column: "TenantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asset_files",
                schema: "brand");

            migrationBuilder.DropTable(
                name: "kits",
                schema: "brand");

            migrationBuilder.DropTable(
                name: "assets",
                schema: "brand");
        }
    }
}
