using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>A user of one tenant, with the client that acts as it.</summary>
public sealed record ExchangeUser(Guid Id, TenantInfo Tenant, HttpClient Client)
{
    public string Spaces => $"/api/{Tenant.Slug}/exchange/spaces";
}

/// <summary>Steps the exchange tests repeat, over the real API.</summary>
public static class ExchangeApi
{
    public static async Task<ExchangeUser> UserAsync(this NucleusApp app, TenantInfo tenant, TenantRole role = TenantRole.Admin, string? password = null, string? email = null)
    {
        var id = await app.NewUserAsync(password, email: email);
        await app.GrantAsync(id, tenant, role);
        return new ExchangeUser(id, tenant, app.As(id));
    }

    public static async Task<JsonObject> CreateSpaceAsync(this ExchangeUser host, string name, string visibility = "InviteOnly")
    {
        var response = await host.Client.PostAsJsonAsync(host.Spaces, new { name, description = "Where governments compare notes.", visibility }, Api.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static string Id(this JsonNode? node) => node!["id"]!.GetValue<string>();

    public static string GeneralChannel(this JsonObject space) =>
        space["channels"]!.AsArray().First(c => c!["name"]!.GetValue<string>() == "general")!.Id();

    public static async Task InviteAsync(this ExchangeUser host, string spaceId, TenantInfo tenant) =>
        (await host.Client.PostAsJsonAsync($"{host.Spaces}/{spaceId}/invitations", new { tenant = tenant.Slug }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);

    public static async Task<JsonObject> JoinAsync(this ExchangeUser member, string spaceId)
    {
        var response = await member.Client.PostAsync($"{member.Spaces}/{spaceId}/join", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<HttpResponseMessage> PostAsync(this ExchangeUser user, string spaceId, string channelId, string body) =>
        user.Client.PostAsJsonAsync($"{user.Spaces}/{spaceId}/channels/{channelId}/posts", new { body }, Api.Json);

    public static async Task<JsonObject> PostedAsync(this ExchangeUser user, string spaceId, string channelId, string body)
    {
        var response = await user.PostAsync(spaceId, channelId, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonArray> ItemsAsync(this HttpClient client, string url) =>
        JsonNode.Parse(await client.GetStringAsync(url))!["items"]!.AsArray();
}
