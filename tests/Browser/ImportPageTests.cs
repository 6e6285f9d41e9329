using System.IO.Compression;
using Microsoft.Playwright;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>An administrator imports the whole DPG registry (and one broken file) from the page, follows its progress and reads the report.</summary>
public sealed class ImportPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task The_registry_imports_with_progress_and_a_report_that_names_the_broken_record()
    {
        var files = SharedData.DpgRegistryFiles();
        var tenant = await fixture.App.NewTenantAsync("in");
        var email = $"importer-{Guid.NewGuid():N}@example.org";
        await fixture.App.GrantAsync(await fixture.App.NewUserAsync(Password, email: email), tenant, TenantRole.Admin);
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file));
            }

            using var broken = new StreamWriter(archive.CreateEntry("broken.json").Open());
            broken.Write("{ \"name\": \"Half a record\", ");
        }

        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.SignInAsync(email, Password);
            await page.VisitAsync($"/{tenant.Slug}/catalogue");
            await page.ClickAsync("#import-solutions");
            await page.ArrivedAtAsync("**/catalogue/import");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.SetInputFilesAsync("#import-file", new FilePayload { Name = "registry.zip", MimeType = "application/zip", Buffer = zip.ToArray() });
            await page.CheckAsync("#import-publish");
            var started = page.ArrivedAtAsync("**/catalogue/imports/*");
            await page.ClickAsync("#start-import");
            await started;
            if (await page.Locator("#import-running").CountAsync() > 0)
            {
                (await page.GetAttributeAsync("#import-progress", "max")).ShouldNotBeNull();
                await BrowserFixture.AssertAccessibleAsync(page);
            }

            // The page follows the job and shows the report when it is done.
            await page.WaitForSelectorAsync("#import-summary", new PageWaitForSelectorOptions { Timeout = 120_000 });
            await page.ReadyAsync();
            (await page.TextContentAsync("#import-summary"))!.ShouldBe($"{files.Length} imported, 0 updated, 1 failed.");
            var firstRow = await page.TextContentAsync("#import-report tbody tr:first-child");
            firstRow!.ShouldContain("Failed");
            firstRow!.ShouldContain("broken.json");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.VisitAsync($"/{tenant.Slug}/showcase?q=opencrvs");
            (await page.TextContentAsync(".results"))!.ShouldContain("OpenCRVS");
        });
    }
}
