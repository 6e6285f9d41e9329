using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>
/// The embedded SQLite database and the upload store on a disk that fills up: writes are refused with a clean 507 problem, each
/// acknowledged write is kept and nothing is half-written (the database passes <c>PRAGMA integrity_check</c>, no partial file is
/// left), and once there is room again the same writes succeed.
/// </summary>
public sealed class FullDiskTests
{
    [SkippableFact]
    public async Task On_a_full_disk_writes_are_refused_with_507_nothing_is_half_written_and_they_succeed_once_there_is_room()
    {
        await using var disk = await SmallDisk.MountAsync(megabytes: 48);
        var database = Path.Combine(disk.Path, "nucleus.db");
        var files = Path.Combine(disk.Path, "files");
        await using var app = new NucleusApp(DatabaseProvider.Sqlite, $"Data Source={database}");
        app.Settings["Storage:Root"] = files;
        var tenant = await app.NewTenantAsync();
        var owner = app.MemberOf(TenantRole.Owner, tenant);
        var asset = await owner.PostAsJsonAsync($"/api/{tenant.Slug}/brand/assets", new { title = "Photo", kind = "Photo" }, Api.Json);
        asset.StatusCode.ShouldBe(HttpStatusCode.Created, await asset.Content.ReadAsStringAsync());
        var versions = $"/api/{tenant.Slug}/brand/assets/{System.Text.Json.Nodes.JsonNode.Parse(await asset.Content.ReadAsStringAsync()).Id()}/versions?fileName=photo.png";
        (await owner.PostAsync(versions, Png())).StatusCode.ShouldBe(HttpStatusCode.Created);

        var filler = await disk.FillAsync();
        var acknowledged = new List<string>();
        HttpResponseMessage? refused = null;
        // SQLite may still find room in pages it holds: write until the disk refuses.
        for (var i = 0; i < 500 && refused is null; i++)
        {
            var name = $"Written on a full disk {i}";
            var response = await owner.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution(name), Api.Json);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                acknowledged.Add(name);
            }
            else
            {
                refused = response;
            }
        }

        refused.ShouldNotBeNull("the full disk refused a write");
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.InsufficientStorage);
        problem["title"]!.GetValue<string>().ShouldContain("storage");
        var upload = await owner.PostAsync(versions, Png());
        await upload.ShouldBeProblemAsync(HttpStatusCode.InsufficientStorage);
        (await owner.GetAsync($"/api/{tenant.Slug}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK, "reads go on");

        File.Delete(filler);
        await using (var check = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await check.OpenAsync();
            await using var integrity = check.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            (await integrity.ExecuteScalarAsync()).ShouldBe("ok");
        }

        Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Count().ShouldBe(1, "the first photo; no partial or orphaned file");
        var names = await owner.ItemsAsync($"/api/{tenant.Slug}/catalogue/solutions?pageSize=100");
        names.Select(s => s!["name"]!.GetValue<string>()).Order().ShouldBe(acknowledged.Order(), "every acknowledged write, and no other");
        (await owner.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("Written with room again"), Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await owner.PostAsync(versions, Png())).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static ByteArrayContent Png()
    {
        var content = new ByteArrayContent(SampleFiles.Png());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
