using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>
/// The cross-tenant matrix, generated from the Host's own endpoint table rather than picked by hand: tenant A's owner calls every
/// tenant API route with every method, (1) under tenant B's name, and (2) under its own name with each of B's record ids in every
/// id of the route. Nothing answers with success, nothing answers with B's data, nothing fails with a server error, and B's
/// records are the same afterwards. The pages are read the same way, from the same table.
/// </summary>
public abstract partial class CrossTenantMatrixTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private const string LabelOfB = "Bravo";

    /// <summary>What a refusal may look like: never a success, never a server error.</summary>
    private static readonly HashSet<HttpStatusCode> Refusals =
    [
        HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed,
        HttpStatusCode.Conflict, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnprocessableEntity, HttpStatusCode.TooManyRequests,
    ];

    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Tenant_A_never_reaches_tenant_B_through_any_route_method_or_id()
    {
        var (a, ownerOfA) = await PopulatedTenants.CreateAsync(App, "Alpha");
        var (b, _) = await PopulatedTenants.CreateAsync(App, LabelOfB);
        var idsOfB = await RecordIdsAsync(b);
        idsOfB.Count.ShouldBeGreaterThan(20, "B holds records of every kind: the matrix is not empty");
        var slugOfB = await SolutionSlugAsync(b);

        var routes = TenantRoutes();
        routes.Count.ShouldBeGreaterThan(100, "the endpoint table is read whole");
        var failures = new List<string>();
        var sent = 0;
        foreach (var (pattern, method, anonymous) in routes)
        {
            // 1. Under B's name: A's owner has no membership there (anonymous routes are public by design: the showcase).
            if (!anonymous)
            {
                var path = Fill(pattern, b.Slug, idsOfB[0], slugOfB);
                await ExpectRefusedAsync(ownerOfA, method, path, failures);
                sent++;
            }

            // 2. Under A's own name, with each of B's ids wherever the route takes one.
            if (IdParameter().IsMatch(pattern))
            {
                foreach (var id in idsOfB)
                {
                    await ExpectRefusedAsync(ownerOfA, method, Fill(pattern, a.Slug, id, slugOfB), failures);
                    sent++;
                }
            }
        }

        sent.ShouldBeGreaterThan(1000);
        failures.ShouldBeEmpty();
        (await RecordIdsAsync(b)).ShouldBe(idsOfB, ignoreOrder: true, "B's records are all there, and no more");
    }

    [SkippableFact]
    public async Task Tenant_A_never_sees_tenant_B_through_any_page_or_id()
    {
        var (a, ownerOfA) = await PopulatedTenants.CreateAsync(App, "Alpha");
        var (b, _) = await PopulatedTenants.CreateAsync(App, LabelOfB);
        var idsOfB = await RecordIdsAsync(b);
        var slugOfB = await SolutionSlugAsync(b);

        var pages = TenantPages();
        pages.Count.ShouldBeGreaterThan(40, "the endpoint table's pages are read whole");
        var failures = new List<string>();
        var sent = 0;
        foreach (var (pattern, anonymous) in pages)
        {
            // 1. Under B's name (the public showcase excepted, which is B's to show anyone).
            if (!anonymous)
            {
                await ExpectPageRefusedAsync(ownerOfA, Fill(pattern, b.Slug, idsOfB[0], slugOfB), failures);
                sent++;
            }

            // 2. Under A's own name, with each of B's ids wherever the page takes one.
            if (IdParameter().IsMatch(pattern))
            {
                foreach (var id in idsOfB)
                {
                    await ExpectPageRefusedAsync(ownerOfA, Fill(pattern, a.Slug, id, slugOfB), failures);
                    sent++;
                }
            }
        }

        sent.ShouldBeGreaterThan(300);
        failures.ShouldBeEmpty();
    }

    /// <summary>A page refuses with 403 or 404, or sends the caller to sign in; never with B's data.</summary>
    private static async Task ExpectPageRefusedAsync(HttpClient client, string path, List<string> failures)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true);
        if (!refused)
        {
            failures.Add($"GET {path} answered {(int)response.StatusCode}");
        }
        else if (body.Contains(LabelOfB, StringComparison.Ordinal))
        {
            failures.Add($"GET {path} refused with B's data");
        }
    }

    private static async Task ExpectRefusedAsync(HttpClient client, string method, string path, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!Refusals.Contains(response.StatusCode))
        {
            failures.Add($"{method} {path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}");
        }
        else if (body.Contains(LabelOfB, StringComparison.Ordinal))
        {
            failures.Add($"{method} {path} refused with B's data: {body[..Math.Min(body.Length, 200)]}");
        }
    }

    /// <summary>Every tenant API route and method of the running Host, and whether it is open to anonymous callers.</summary>
    private List<(string Pattern, string Method, bool Anonymous)> TenantRoutes() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/{tenant}/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (e.RoutePattern.RawText!, m, e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)))
            .Distinct()];

    /// <summary>Every page of a tenant in the running Host, and whether it is open to anonymous callers.</summary>
    private List<(string Pattern, bool Anonymous)> TenantPages() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.RoutePattern.RawText?.StartsWith("/{tenant}", StringComparison.Ordinal) == true)
            .Select(e => (e.RoutePattern.RawText!, e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null))
            .Distinct()];

    /// <summary>The route with the tenant, every id (typed or named so) as <paramref name="id"/>, and plain values for the rest.</summary>
    private static string Fill(string pattern, string tenant, Guid id, string slug) =>
        RouteTemplates.Parameter().Replace(pattern, m => m.Groups["name"].Value switch
        {
            "tenant" or "tenantSlug" => tenant,
            "slug" => slug,
            "year" or "period" => "2026",
            "number" => "1",
            "kind" => "Logo",
            "channel" => "general",
            "token" => "not-a-token",
            _ when m.Groups["constraint"].Value == "guid" || m.Groups["name"].Value.EndsWith("Id", StringComparison.Ordinal) || m.Groups["name"].Value == "id" => id.ToString(),
            _ => "x",
        });

    [GeneratedRegex(@"\{[a-zA-Z]*[iI]d(:guid)?\??\}")]
    private static partial Regex IdParameter();

    /// <summary>The id of every record of B, in every module's tenant-owned tables.</summary>
    private async Task<List<Guid>> RecordIdsAsync(TenantInfo tenant)
    {
        await using var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var ids = new List<Guid>();
        foreach (var migrator in App.Services.GetServices<IModuleMigrator>())
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(migrator.ContextType);
            foreach (var type in context.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && !e.IsOwned() && e.FindProperty("Id")?.ClrType == typeof(Guid)))
            {
                ids.AddRange(await (Task<List<Guid>>)IdsMethod.MakeGenericMethod(type.ClrType).Invoke(null, [context])!);
            }
        }

        return ids;
    }

    private static readonly MethodInfo IdsMethod = typeof(CrossTenantMatrixTests<TFixture>).GetMethod(nameof(IdsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<List<Guid>> IdsAsync<T>(DbContext context)
        where T : class => context.Set<T>().Select(e => EF.Property<Guid>(e, "Id")).ToListAsync();

    private async Task<string> SolutionSlugAsync(TenantInfo tenant)
    {
        await using var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<CatalogueDbContext>().Solutions.Select(s => s.Slug).FirstAsync();
    }
}

public sealed class CrossTenantMatrixOnSqlite(SqliteFixture fixture) : CrossTenantMatrixTests<SqliteFixture>(fixture);

public sealed class CrossTenantMatrixOnPostgres(PostgresFixture fixture) : CrossTenantMatrixTests<PostgresFixture>(fixture);
