using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Brand.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
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
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    UsageRights = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VideoUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Tagline = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValueProposition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PrimaryColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    AccentColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    TextColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    BackgroundColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    HeadingTypeface = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BodyTypeface = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LogoAssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MonochromeLogoAssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IconAssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    key_messages = table.Column<string>(type: "TEXT", nullable: true)
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
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
