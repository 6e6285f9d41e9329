using System.Net;
using System.Net.Http.Json;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>Guessing is limited per address on the pages as on the API, and per account whatever the address.</summary>
public sealed class AttemptLimitTests(SqliteFixture database) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task The_sign_in_pages_answer_429_after_the_addresss_budget_and_still_show_themselves()
    {
        await using var app = new NucleusApp(DatabaseProvider.Sqlite, await database.CreateEmptyDatabaseAsync());
        app.Settings["RateLimits:SignIn:PermitsPerMinute"] = "3";
        var client = app.Anonymous();
        var login = (await PageForms.ReadAsync(client, "/account/login")).Single(f => f.Name == "login");
        var values = new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "wrong guess" };

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await PageForms.PostAsync(client, login, values)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var limited = await PageForms.PostAsync(client, login, values);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await limited.Content.ReadAsStringAsync()).ShouldContain("Too many attempts");
        // Reading the pages is not an attempt.
        (await client.GetAsync("/account/forgot-password")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task One_account_gets_a_budget_of_its_own_even_from_many_addresses()
    {
        await using var app = new NucleusApp(DatabaseProvider.Sqlite, await database.CreateEmptyDatabaseAsync());
        app.Settings["RateLimits:Account:PermitsPerMinute"] = "3";
        var target = $"target-{Guid.NewGuid():N}@example.org";
        var bystander = $"bystander-{Guid.NewGuid():N}@example.org";
        await app.NewUserAsync("the right passphrase", email: target);
        await app.NewUserAsync("the right passphrase", email: bystander);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = target, password = $"guess {attempt}" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        // Now even the right password waits for the next minute; other accounts are not affected.
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = target, password = "the right passphrase" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = bystander, password = "the right passphrase" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
