using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>Small helpers over HttpClient that speak the API's JSON.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static object NewSolution(string name, SolutionStatus status = SolutionStatus.Published, string? slug = null) => new
    {
        name,
        slug,
        summary = $"{name} summary",
        description = $"About {name}.",
        status = status.ToString(),
        sdgs = new[] { 9, 16 },
        developmentCountries = new[] { "EE" },
    };

    public static async Task<SolutionDetails> CreateSolutionAsync(this HttpClient client, TenantInfo tenant, string name, SolutionStatus status = SolutionStatus.Published, string? slug = null)
    {
        var response = await client.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", NewSolution(name, status, slug), Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SolutionDetails>(Json))!;
    }

    public static async Task<PagedResult<SolutionListItem>> ListSolutionsAsync(this HttpClient client, TenantInfo tenant, string query = "")
    {
        var response = await client.GetAsync($"/api/{tenant.Slug}/catalogue/solutions{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PagedResult<SolutionListItem>>(Json))!;
    }

    public static async Task<JsonObject> CreatePartnerAsync(this HttpClient client, TenantInfo tenant, string name, string kind)
    {
        var response = await client.PostAsJsonAsync($"/api/{tenant.Slug}/partners", new { name, kind }, Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>POSTs and asserts 201 Created; returns the created resource.</summary>
    public static async Task<JsonObject> PostCreatedAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>POSTs a body as it is (a file, a message) and asserts 201 Created; returns the created resource.</summary>
    public static async Task<JsonObject> PostCreatedAsync(this HttpClient client, string url, HttpContent content)
    {
        var response = await client.PostAsync(url, content);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Sends and asserts 200 OK; returns the answer.</summary>
    public static async Task<JsonObject> OkAsync(this Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The actual of one indicator in a <c>/strategy/indicators</c> answer.</summary>
    public static decimal IndicatorActual(string year, string id) =>
        JsonNode.Parse(year)!["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!["actual"]!.GetValue<decimal>();

    /// <summary>Asserts an RFC 9457 answer with the status, and returns its body.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonNode.Parse(body)!.AsObject();
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        problem["title"].ShouldNotBeNull();
        body.ShouldNotContain("   at ", customMessage: "no stack trace reaches a client");
        return problem;
    }

    /// <summary>Asserts a 400 validation problem that names <paramref name="field"/>.</summary>
    public static async Task<JsonObject> ShouldBeValidationProblemAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]?.AsObject();
        errors.ShouldNotBeNull(problem.ToJsonString());
        foreach (var field in fields)
        {
            errors.Select(e => e.Key).ShouldContain(field, problem.ToJsonString());
        }

        return problem;
    }
}
