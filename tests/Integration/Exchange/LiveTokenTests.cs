using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>Browsers' WebSockets send the bearer token in the query string: accepted on the hub, written to no log.</summary>
public sealed class LiveTokenTests(SqliteFixture database) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task A_token_in_the_hubs_query_string_signs_in_and_appears_in_no_log_even_at_trace_level()
    {
        await using var app = new NucleusApp(DatabaseProvider.Sqlite, await database.CreateEmptyDatabaseAsync());
        // An operator turning every category up to Trace, the hosting layer's request lines included.
        app.Settings["Logging:LogLevel:Default"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace";
        var tenant = await app.NewTenantAsync();
        var email = $"token-{Guid.NewGuid():N}@example.org";
        await app.UserAsync(tenant, password: LiveHostFixture.Password, email: email);
        var login = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = LiveHostFixture.Password });
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();

        var anonymous = await app.Anonymous().PostAsync("/hubs/exchange/negotiate?negotiateVersion=1", null);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var negotiated = await app.Anonymous().PostAsync($"/hubs/exchange/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(token)}", null);
        negotiated.StatusCode.ShouldBe(HttpStatusCode.OK, await negotiated.Content.ReadAsStringAsync());
        // Elsewhere the query string is not a way to sign in.
        (await app.Anonymous().GetAsync($"/api/{tenant.Slug}/exchange/spaces?access_token={Uri.EscapeDataString(token)}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        app.Logs.Entries.ShouldNotBeEmpty();
        app.Logs.Entries.Where(e => e.Message.Contains(token[..40], StringComparison.Ordinal) || e.Scope.Values.Any(v => v?.ToString()?.Contains(token[..40], StringComparison.Ordinal) == true))
            .Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty();
    }
}
