using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Resolution;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Modules.Platform.Billing;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Modules.Platform.Tenants;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>
/// One write path: a Viewer calls every write endpoint of its tenant's API and posts every form its
/// administrators see on the pages, on real records; each is refused (403) and the tenant's audit log,
/// where every change of tenant data is written, does not grow.
/// </summary>
public abstract partial class ViewerRefusalTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    /// <summary>A tenant with one of everything, its owner, and a second tenant in its exchange space.</summary>
    private sealed record World(TenantInfo Tenant, ExchangeUser Owner, Dictionary<string, string> Ids);

    private async Task<World> WorldAsync()
    {
        var owner = await App.UserAsync(await App.NewTenantAsync("vw"), TenantRole.Owner);
        var other = await App.UserAsync(await App.NewTenantAsync("ot"));
        var t = owner.Tenant.Slug;
        var client = owner.Client;
        var ids = new Dictionary<string, string> { ["owner"] = owner.Id.ToString() };

        var solution = await client.CreateSolutionAsync(owner.Tenant, "Viewer-proof registry");
        ids["solution"] = solution.Id.ToString();
        ids["caseStudy"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/catalogue/solutions/{solution.Id}/case-studies", new { title = "A rollout", year = 2025 }, Api.Json));
        ids["partner"] = (await client.CreatePartnerAsync(owner.Tenant, "Viewer-proof vendor", "ItVendor"))["id"]!.GetValue<string>();
        ids["partnerAgreement"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/partners/{ids["partner"]}/agreements", new { title = "MoU", startsOn = "2026-01-01" }, Api.Json));
        (await client.PutAsJsonAsync($"/api/{t}/partners/{ids["partner"]}/surveys/2026", new { score = 4, respondents = 3 }, Api.Json)).EnsureSuccessStatusCode();
        ids["asset"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/brand/assets", new { title = "Photo", kind = "Photo" }, Api.Json));
        (await client.PostAsync($"/api/{t}/brand/assets/{ids["asset"]}/versions?fileName=p.png", Bytes(SampleFiles.Png()))).EnsureSuccessStatusCode();
        ids["apiKey"] = JsonNode.Parse(await (await client.PostAsJsonAsync($"/api/{t}/identity/api-keys", new { name = "Key", role = "Viewer" }, Api.Json)).Content.ReadAsStringAsync())!["apiKey"]!["id"]!.GetValue<string>();
        ids["integration"] = JsonNode.Parse(await (await client.PostAsJsonAsync($"/api/{t}/identity/integrations", new { name = "ERP", role = "Viewer" }, Api.Json)).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        ids["invitation"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/identity/invitations", new { email = "later@example.org", role = "Editor" }, Api.Json));

        var space = await owner.CreateSpaceAsync("Viewer-proof space", "Open");
        ids["space"] = space.Id();
        ids["channel"] = space.GeneralChannel();
        await other.JoinAsync(space.Id());
        ids["post"] = (await owner.PostedAsync(space.Id(), space.GeneralChannel(), "A post")).Id();
        ids["request"] = await CreatedIdAsync(client.PostAsJsonAsync($"{owner.Spaces}/{space.Id()}/requests", new { title = "Registries", question = "Who has one?" }, Api.Json));
        ids["snapshot"] = await CreatedIdAsync(client.PostAsJsonAsync($"{owner.Spaces}/{space.Id()}/requests/{ids["request"]}/snapshots", new { solutionSlug = solution.Slug }, Api.Json));
        ids["document"] = await CreatedIdAsync(client.PostAsync($"{owner.Spaces}/{space.Id()}/documents?title=Plan", Bytes(SampleFiles.Pdf())));
        ids["meeting"] = await CreatedIdAsync(client.PostAsJsonAsync($"{owner.Spaces}/{space.Id()}/meetings", new
        {
            title = "Kick-off", startsAt = DateTimeOffset.UtcNow.AddDays(7), endsAt = DateTimeOffset.UtcNow.AddDays(7).AddHours(1), timeZone = "Europe/Tallinn",
        }, Api.Json));
        ids["exchangeAgreement"] = await CreatedIdAsync(other.Client.PostAsJsonAsync($"{other.Spaces}/{space.Id()}/agreements",
            new { kind = "MoU", title = "Cooperation", partnerTenantId = owner.Tenant.Id, areas = new[] { "registries" } }, Api.Json));
        ids["edition"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/exchange/editions", new { name = "Viewer-proof edition", slug = "vpe" }, Api.Json));
        (await client.PutAsync($"/api/{t}/exchange/editions/{ids["edition"]}/spaces/{space.Id()}", null)).EnsureSuccessStatusCode();
        ids["organisation"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/crm/organisations", new { name = "Ministry of ICT", kind = "Ministry", country = "KE" }, Api.Json));
        ids["opportunity"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/crm/opportunities", new { title = "Digital ID", organisationId = ids["organisation"], amount = 1_000_000, currency = "EUR" }, Api.Json));
        ids["visit"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/crm/visits", new { title = "Delegation", organisationId = ids["organisation"], startsOn = "2026-05-04", endsOn = "2026-05-05", headcount = 5 }, Api.Json));
        ids["participant"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/crm/visits/{ids["visit"]}/participants", new { name = "Visitor" }, Api.Json));
        ids["session"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/crm/visits/{ids["visit"]}/sessions", new { day = "2026-05-04", startsAt = "09:00", endsAt = "10:00", title = "Welcome", solutionIds = new[] { solution.Id } }, Api.Json));
        ids["task"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/crm/tasks", new { title = "Follow up", dueOn = "2026-06-01", link = "Visit", linkId = ids["visit"] }, Api.Json));
        (await client.PostAsJsonAsync($"/api/{t}/crm/organisations/{ids["organisation"]}/contacts", new { name = "Consenting", email = "c@example.org", consentToContact = true, consentSource = "Form" }, Api.Json)).EnsureSuccessStatusCode();
        ids["interaction"] = JsonNode.Parse(await (await client.PostAsJsonAsync($"/api/{t}/crm/organisations/{ids["organisation"]}/interactions", new { kind = "Call", occurredOn = "2026-05-01", summary = "Call" }, Api.Json)).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        ids["action"] = await CreatedIdAsync(client.PostAsJsonAsync($"/api/{t}/strategy/actions", new { year = 2026, aim = "Export", title = "Trade mission" }, Api.Json));
        (await client.PutAsJsonAsync($"/api/{t}/strategy/vision", new { statement = "Vision", startYear = 2026, collaborationAim = "c", diplomacyAim = "d", exportAim = "e" }, Api.Json)).EnsureSuccessStatusCode();
        await using (var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(owner.Tenant))
        {
            ids["enquiry"] = (await scope.ServiceProvider.GetRequiredService<ICrmIntake>().ReceiveEnquiryAsync(
                new IncomingEnquiry("Ana", "ana@example.org", null, "PT", "Registries", "We need one.", null, "showcase"))).ToString();
        }

        return new World(owner.Tenant, owner, ids);
    }

    [SkippableFact]
    public async Task A_viewer_calling_every_write_endpoint_is_refused_and_changes_nothing()
    {
        var world = await WorldAsync();
        var viewer = App.MemberOf(TenantRole.Viewer, world.Tenant);
        var before = await AuditTotalAsync(world);
        var refusedWrongly = new List<string>();
        var called = 0;

        foreach (var (method, template) in TenantWriteEndpoints())
        {
            var path = Fill(template, world);
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                request.Content = JsonContent.Create(new { });
            }

            var response = await viewer.SendAsync(request);
            called++;
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                refusedWrongly.Add($"{method} {template} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        called.ShouldBeGreaterThan(60, "every module's write endpoints were found");
        refusedWrongly.ShouldBeEmpty();
        (await AuditTotalAsync(world)).ShouldBe(before, "nothing of the tenant's changed");
    }

    [SkippableFact]
    public async Task A_viewer_still_chooses_its_own_exchange_mail()
    {
        var world = await WorldAsync();
        var viewer = App.MemberOf(TenantRole.Viewer, world.Tenant);
        var url = $"/api/{world.Tenant.Slug}/exchange/mail-preference";
        (await viewer.PutAsJsonAsync(url, new { mode = "Daily", language = "es" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetFromJsonAsync<JsonObject>(url, Api.Json))!["mode"]!.GetValue<string>().ShouldBe("Daily");
        (await world.Owner.Client.GetFromJsonAsync<JsonObject>(url, Api.Json))!["mode"]!.GetValue<string>().ShouldBe("Off", "one person's choice is not another's");
    }

    [SkippableFact]
    public async Task A_viewer_posting_every_form_of_the_pages_is_refused_and_changes_nothing()
    {
        var world = await WorldAsync();
        var viewer = App.MemberOf(TenantRole.Viewer, world.Tenant);
        var t = world.Tenant.Slug;
        var pages = Pages(world);
        var forms = new List<PageForm>();
        foreach (var page in pages)
        {
            forms.AddRange(await PageForms.ReadAsync(world.Owner.Client, page));
        }

        var before = await AuditTotalAsync(world);
        var refusedWrongly = new List<string>();
        // Leaving out the shell's own forms: signing out and choosing a language are a person's, not the tenant's; so is one's own e-mail choice.
        foreach (var form in forms.Where(f => f.Action is not ("/account/logout" or "/culture") && f.Name != "mail-preference"))
        {
            // The viewer's own antiforgery token, from a page it may read.
            var own = form with { Page = await ReadablePageAsync(viewer, form.Page, $"/{t}/catalogue") };
            var response = await PageForms.PostAsync(viewer, own, file: form.Multipart ? ("file", "f.png", SampleFiles.Png()) : null);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains("<html", StringComparison.Ordinal))
            {
                var text = WhitespaceRuns().Replace(body, " ");
                refusedWrongly.Add($"{form.Name} on {form.Page} → {(int)response.StatusCode} {text[..Math.Min(400, text.Length)]}");
            }
        }

        forms.Count.ShouldBeGreaterThan(25, "the administrators' pages carry their forms");
        refusedWrongly.ShouldBeEmpty();
        (await AuditTotalAsync(world)).ShouldBe(before, "nothing of the tenant's changed");
    }

    [SkippableFact]
    public async Task A_suspended_tenant_refuses_every_write_of_every_route_to_its_owner_and_is_offline_to_the_public()
    {
        var world = await WorldAsync();
        var t = world.Tenant.Slug;
        (await App.PlatformAdmin().PutAsJsonAsync($"/api/platform/tenants/{world.Tenant.Id}/status", new { status = "Suspended" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await AuditTotalAsync(world);

        var wrongly = await WritesNotRefusedAsync(world, TenantRoutesThatWrite(), "tenant-suspended");

        wrongly.ShouldBeEmpty();
        (await world.Owner.Client.GetAsync($"/api/{t}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK, "its members still read");
        (await world.Owner.Client.GetAsync($"/{t}/catalogue")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await App.Anonymous().GetAsync($"/api/{t}/catalogue/solutions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.Anonymous().GetAsync($"/{t}/showcase")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the showcase is offline");
        (await AuditTotalAsync(world)).ShouldBe(before, "nothing of the tenant's changed");

        (await App.PlatformAdmin().PutAsJsonAsync($"/api/platform/tenants/{world.Tenant.Id}/status", new { status = "Active" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await world.Owner.Client.PostAsJsonAsync($"/api/{t}/catalogue/solutions", Api.NewSolution("After reactivation"), Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task An_unpaid_tenant_is_read_only_through_every_route_except_the_ways_to_pay()
    {
        var world = await WorldAsync();
        var t = world.Tenant.Slug;
        var other = await App.NewTenantAsync();
        await UnpaidAsync(world.Tenant.Id);
        var before = await AuditTotalAsync(world);

        var routes = TenantRoutesThatWrite().ToList();
        var wrongly = await WritesNotRefusedAsync(world, routes.Where(r => !r.WhilePaying), "tenant-read-only");

        wrongly.ShouldBeEmpty();
        routes.Count(r => r.WhilePaying).ShouldBeGreaterThan(0, "the billing routes stay open");
        var checkout = await world.Owner.Client.PostAsJsonAsync($"/api/{t}/billing/checkout", new { plan = "no-such-plan" }, Api.Json);
        checkout.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden, "an owner can still go to pay");
        (await App.Anonymous().GetAsync($"/{t}/showcase")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading stays open");
        (await AuditTotalAsync(world)).ShouldBe(before, "nothing of the tenant's changed");
        (await App.MemberOf(other).PostAsJsonAsync($"/api/{other.Slug}/catalogue/solutions", Api.NewSolution("Elsewhere"), Api.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Created, "another tenant is not touched");
    }

    /// <summary>Every route of the tenant that writes, API and pages alike, anonymous ones included.</summary>
    private IEnumerable<(string Method, string Template, bool WhilePaying)> TenantRoutesThatWrite() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/{tenant}/", StringComparison.Ordinal) || raw.StartsWith("/{tenant}/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                (m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<WritableWhileUnpaidAttribute>() is not null)))
            .Where(e => e.m is "POST" or "PUT" or "PATCH" or "DELETE")
            .Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal);

    /// <summary>The routes the owner could write through that were not refused with the tenant's problem (403 of that type for the API).</summary>
    private static async Task<List<string>> WritesNotRefusedAsync(World world, IEnumerable<(string Method, string Template, bool WhilePaying)> routes, string problem)
    {
        var wrongly = new List<string>();
        var called = 0;
        foreach (var (method, template, _) in routes)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), Fill(template, world));
            if (method is "POST" or "PUT")
            {
                request.Content = JsonContent.Create(new { });
            }

            var response = await world.Owner.Client.SendAsync(request);
            called++;
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || (template.StartsWith("/api/", StringComparison.Ordinal) && !body.Contains(problem, StringComparison.Ordinal)))
            {
                wrongly.Add($"{method} {template} → {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            }
        }

        called.ShouldBeGreaterThan(80, "every module's routes that write were found");
        return wrongly;
    }

    /// <summary>The tenant's subscription ended an hour ago, as Stripe's events would have left it.</summary>
    private async Task UnpaidAsync(Guid tenantId)
    {
        await using (var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreatePlatformScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Billing.Add(new TenantBilling { TenantId = tenantId, Standing = BillingStanding.Canceled, StandingAt = DateTimeOffset.UtcNow.AddHours(-1), UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        App.Services.GetRequiredService<CachedTenantStore>().Invalidate();
    }

    /// <summary>The pages whose forms the tenant's administrators use.</summary>
    private static string[] Pages(World world)
    {
        var t = world.Tenant.Slug;
        var (ids, space) = (world.Ids, world.Ids["space"]);
        return
        [
            $"/{t}/catalogue", $"/{t}/catalogue/new", $"/{t}/catalogue/{ids["solution"]}", $"/{t}/catalogue/{ids["solution"]}/edit",
            $"/{t}/catalogue/{ids["solution"]}/case-studies/new", $"/{t}/catalogue/{ids["solution"]}/case-studies/{ids["caseStudy"]}/edit",
            $"/{t}/catalogue/import", $"/{t}/catalogue/proposals", $"/{t}/partners", $"/{t}/partners/{ids["partner"]}", $"/{t}/brand",
            $"/{t}/members", $"/{t}/single-sign-on", $"/{t}/api-keys", $"/{t}/integrations", $"/{t}/integrations?confirm={ids["integration"]}", $"/{t}/exchange", $"/{t}/exchange/{space}", $"/{t}/exchange/{space}/settings", $"/{t}/exchange/{space}/agenda",
            $"/{t}/exchange/{space}/agreements", $"/{t}/exchange/{space}/requests", $"/{t}/exchange/{space}/requests/{ids["request"]}",
            $"/{t}/crm", $"/{t}/crm/organisations", $"/{t}/crm/enquiries", $"/{t}/crm/enquiries/{ids["enquiry"]}", $"/{t}/crm/opportunities/{ids["opportunity"]}",
            $"/{t}/crm/organisations/{ids["organisation"]}", $"/{t}/strategy", $"/{t}/strategy/plan", $"/{t}/crm/tasks?owner=all",
            $"/{t}/crm/visits", $"/{t}/crm/visits/{ids["visit"]}", $"/{t}/crm/imports", $"/{t}/billing", $"/{t}/exports",
            $"/{t}/exchange/editions", $"/{t}/exchange/editions/{ids["edition"]}",
        ];
    }

    /// <summary>Writes of the caller's own settings, not the tenant's: a viewer may make them (<see cref="A_viewer_still_chooses_its_own_exchange_mail"/>).</summary>
    private static readonly string[] PersonalWrites = ["SetExchangeMailPreference"];

    /// <summary>Every tenant API route that writes (POST, PUT, PATCH, DELETE) and is not meant for the anonymous public.</summary>
    private IEnumerable<(string Method, string Template)> TenantWriteEndpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/{tenant}/", StringComparison.Ordinal) == true && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !PersonalWrites.Contains(e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? ""))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .Where(e => e.m is "POST" or "PUT" or "PATCH" or "DELETE")
            .Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal);

    /// <summary>The route with its parameters filled from the world's records, chosen by the segment before each.</summary>
    private static string Fill(string template, World world)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }

            var name = segments[i].Trim('{', '}').Split(':')[0];
            var before = i > 0 ? segments[i - 1] : "";
            var ids = world.Ids;
            segments[i] = (name, before) switch
            {
                ("tenant", _) => world.Tenant.Slug,
                ("solutionId", _) or ("id", "solutions") => ids["solution"],
                ("id", "case-studies") => ids["caseStudy"],
                ("partnerId", _) or ("id", "partners") => ids["partner"],
                ("id", "agreements") => ids["partnerAgreement"],
                ("agreementId", _) => ids["exchangeAgreement"],
                ("id", "assets") => ids["asset"],
                ("id", "api-keys") => ids["apiKey"],
                ("id", "integrations") => ids["integration"],
                ("id", "invitations") => ids["invitation"],
                ("userId", _) => ids["owner"],
                ("spaceId", _) => ids["space"],
                ("channelId", _) => ids["channel"],
                ("postId", _) => ids["post"],
                ("requestId", _) => ids["request"],
                ("snapshotId", _) => ids["snapshot"],
                ("documentId", _) => ids["document"],
                ("meetingId", _) => ids["meeting"],
                ("editionId", _) => ids["edition"],
                ("id", "organisations") => ids["organisation"],
                ("id", "enquiries") => ids["enquiry"],
                ("id", "opportunities") => ids["opportunity"],
                ("id", "indicators") => "opportunities-won",
                ("id", "visits") => ids["visit"],
                ("participantId", _) => ids["participant"],
                ("sessionId", _) => ids["session"],
                ("id", "tasks") => ids["task"],
                ("id", "interactions") => ids["interaction"],
                ("id", "actions") => ids["action"],
                ("period", _) or ("year", _) => "2026",
                ("kind", _) => "thanks",
                ("number", _) => "1",
                _ => Guid.NewGuid().ToString(),
            };
        }

        return string.Join('/', segments);
    }

    private static async Task<string> ReadablePageAsync(HttpClient client, string page, string fallback) =>
        (await client.GetAsync(page)).StatusCode == HttpStatusCode.OK ? page : fallback;

    /// <summary>
    /// The tenant's audit entries other than the summaries of refused calls, which are written when their minute ends: whether one
    /// lands before the count depends on the clock, and it records a refusal, not a change.
    /// </summary>
    private static async Task<long> AuditTotalAsync(World world)
    {
        async Task<long> TotalAsync(string filter) =>
            JsonNode.Parse(await world.Owner.Client.GetStringAsync($"/api/{world.Tenant.Slug}/audit?pageSize=1{filter}"))!["total"]!.GetValue<long>();
        return await TotalAsync("") - await TotalAsync("&action=access.denied");
    }

    private static async Task<string> CreatedIdAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRuns();
}

public sealed class ViewerRefusalOnSqlite(SqliteFixture fixture) : ViewerRefusalTests<SqliteFixture>(fixture);

public sealed class ViewerRefusalOnPostgres(PostgresFixture fixture) : ViewerRefusalTests<PostgresFixture>(fixture);
public sealed class ViewerRefusalOnSqlServer(SqlServerFixture fixture) : ViewerRefusalTests<SqlServerFixture>(fixture);
