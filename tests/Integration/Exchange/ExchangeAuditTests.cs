using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>What a tenant does in a shared space is written in its own audit log, and in no other tenant's.</summary>
public abstract class ExchangeAuditTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Joining_delegating_sharing_and_agreements_are_in_the_acting_tenants_log()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var member = await App.UserAsync(await App.NewTenantAsync("ee"));
        var colleague = await App.UserAsync(member.Tenant, TenantRole.Editor);
        var space = await host.CreateSpaceAsync("Audited exchange", "Open");
        await member.JoinAsync(space.Id());
        (await member.Client.PutAsJsonAsync($"{member.Spaces}/{space.Id()}/delegates/{colleague.Id}", new { }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var solution = await member.Client.CreateSolutionAsync(member.Tenant, "Audited registry");
        var request = (await (await host.Client.PostAsJsonAsync($"{host.Spaces}/{space.Id()}/requests", new { title = "Registries", question = "Who has one?" }, Api.Json)).Content.ReadFromJsonAsync<JsonObject>())!;
        var shared = await member.Client.PostAsJsonAsync($"{member.Spaces}/{space.Id()}/requests/{request.Id()}/snapshots", new { solutionSlug = solution.Slug }, Api.Json);
        shared.StatusCode.ShouldBe(HttpStatusCode.Created, await shared.Content.ReadAsStringAsync());
        var pdf = new ByteArrayContent(SampleFiles.Pdf());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        (await member.Client.PostAsync($"{member.Spaces}/{space.Id()}/documents?title=Plan", pdf)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var proposed = await member.Client.PostAsJsonAsync($"{member.Spaces}/{space.Id()}/agreements",
            new { kind = "MoU", title = "Registry cooperation", partnerTenantId = host.Tenant.Id, areas = new[] { "registries" } }, Api.Json);
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var agreementId = JsonNode.Parse(await proposed.Content.ReadAsStringAsync()).Id();
        (await host.Client.PostAsync($"{host.Spaces}/{space.Id()}/agreements/{agreementId}/sign", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.Client.DeleteAsync($"{member.Spaces}/{space.Id()}/delegates/{colleague.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await member.Client.PostAsync($"{member.Spaces}/{space.Id()}/leave", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var owner = App.MemberOf(TenantRole.Owner, member.Tenant);
        var memberLog = await ExchangeActionsAsync(owner, member.Tenant.Slug);
        memberLog.ShouldBe(["exchange.left", "exchange.delegation-revoked", "exchange.agreement-proposed", "exchange.document-shared", "exchange.snapshot-shared",
            "exchange.delegated", "exchange.joined"]);
        var hostLog = await ExchangeActionsAsync(App.MemberOf(TenantRole.Owner, host.Tenant), host.Tenant.Slug);
        hostLog.ShouldBe(["exchange.agreement-signed", "exchange.space-hosted"]);
    }

    private static async Task<List<string>> ExchangeActionsAsync(HttpClient owner, string slug) =>
        [.. JsonNode.Parse(await owner.GetStringAsync($"/api/{slug}/audit?pageSize=100"))!["items"]!.AsArray()
            .Select(e => e!["action"]!.GetValue<string>()).Where(a => a.StartsWith("exchange.", StringComparison.Ordinal))];
}

public sealed class ExchangeAuditOnSqlite(SqliteFixture fixture) : ExchangeAuditTests<SqliteFixture>(fixture);

public sealed class ExchangeAuditOnPostgres(PostgresFixture fixture) : ExchangeAuditTests<PostgresFixture>(fixture);
public sealed class ExchangeAuditOnSqlServer(SqlServerFixture fixture) : ExchangeAuditTests<SqlServerFixture>(fixture);
