using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Platform;

/// <summary>A row in most modules of an owner's tenant and a stored file, each named after <c>name</c>: what an export carries and an erasure removes.</summary>
public static class TenantContent
{
    /// <summary>A platform administrator's export of <paramref name="tenant"/>, waited for and downloaded.</summary>
    public static async Task<byte[]> ExportedAsync(this HttpClient platform, TenantInfo tenant)
    {
        var started = await platform.PostAsync($"/api/platform/tenants/{tenant.Id}/exports", null);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var job = await Eventually.Until(() => platform.GetFromJsonAsync<JsonObject>(started.Headers.Location!.ToString(), Api.Json)!, j => j!["finished"]!.GetValue<bool>(), "exported");
        job!["error"].ShouldBeNull(job.ToJsonString());
        return await platform.GetByteArrayAsync($"/api/platform/tenants/{tenant.Id}/exports/{job!["report"]!["id"]}");
    }

    /// <summary>A platform administrator's import of <paramref name="zip"/> into <paramref name="tenant"/>, accepted and waited for: the finished job.</summary>
    public static async Task<JsonObject> ImportedAsync(this HttpClient platform, TenantInfo tenant, byte[] zip)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var started = await platform.PostAsync($"/api/platform/tenants/{tenant.Id}/imports", content);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        return (await Eventually.Until(() => platform.GetFromJsonAsync<JsonObject>(started.Headers.Location!.ToString(), Api.Json)!, j => j!["finished"]!.GetValue<bool>(), "imported"))!;
    }

    public static async Task FillAsync(this ExchangeUser owner, string name)
    {
        var (t, client) = (owner.Tenant.Slug, owner.Client);
        var solution = await client.CreateSolutionAsync(owner.Tenant, $"{name} registry");
        (await client.PostAsJsonAsync($"/api/{t}/catalogue/solutions/{solution.Id}/case-studies", new { title = $"{name} rollout", year = 2025 }, Api.Json)).EnsureSuccessStatusCode();
        await client.CreatePartnerAsync(owner.Tenant, $"{name} vendor", "ItVendor");
        var asset = await client.PostCreatedAsync($"/api/{t}/brand/assets", new { title = $"{name} photo", kind = "Photo" });
        var png = new ByteArrayContent(SampleFiles.Png());
        png.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await client.PostAsync($"/api/{t}/brand/assets/{asset["id"]}/versions?fileName=photo.png", png)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/{t}/crm/organisations", new { name = $"Ministry of {name}", kind = "Ministry", country = "KE" }, Api.Json)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/{t}/strategy/actions", new { year = 2026, aim = "Export", title = $"{name} mission" }, Api.Json)).EnsureSuccessStatusCode();
    }
}
