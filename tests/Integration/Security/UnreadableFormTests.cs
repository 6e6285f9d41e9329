using System.Net;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>
/// wapiti's findings of 2026-12-01: a page form holding a NUL character (<c>%00</c>) cannot be read by Kestrel's form reader; a
/// signed-in post with a valid antiforgery token answered 500 (the page threw reading it, and the error page threw again), one
/// with its token in the form a bare 400; an XML post to a page answered 500 too. They now answer 400 (415 for XML) with the
/// error page, and nothing is saved. On a Host process:
/// the test server reads forms another way and never sees the failure.
/// </summary>
public sealed class UnreadableFormTests(PostgresFixture database) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly HostProcessGroup _hosts = new();

    [SkippableTheory]
    [InlineData("a NUL, token in the header")]
    [InlineData("a NUL, token in the form")]
    [InlineData("XML, token in the header")]
    public async Task A_signed_in_page_post_that_is_no_readable_form_answers_4xx_with_the_error_page_and_saves_nothing(string post)
    {
        var tokenInHeader = post.EndsWith("header", StringComparison.Ordinal);
        var xml = post.StartsWith("XML", StringComparison.Ordinal);
        Skip.If(database.Unavailable is not null, database.Unavailable);
        var app = database.App;
        var tenant = await app.NewTenantAsync("nul");
        var host = await _hosts.StartAsync(new Dictionary<string, string>(TestDatabaseRoles.HostSettings(database.Provider, database.ConnectionString))
        {
            ["Demo:Seed"] = "false",
            ["Storage:Root"] = app.StorageRoot,
        });
        using var client = await host.SignedInAsync(app, tenant);
        var form = (await PageForms.ReadAsync(client, $"/{tenant.Slug}/catalogue/new")).Single(f => f.Fields.ContainsKey("_handler"));
        var fields = new Dictionary<string, string>(form.Fields) { ["name"] = "/e\0" }; // as wapiti's command-injection module sent it

        // Encoded by hand, each value as a browser would (the NUL as %00).
        var encoded = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        encoded.ShouldContain("%00");
        using var request = new HttpRequestMessage(HttpMethod.Post, form.Action)
        {
            // wapiti's xxe module posts XML to pages.
            Content = xml ? new StringContent("<?xml version=\"1.0\"?><solution><name>x</name></solution>", System.Text.Encoding.UTF8, "text/xml")
                : new StringContent(encoded, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (tokenInHeader)
        {
            request.Headers.Add("RequestVerificationToken", fields[PageForms.AntiforgeryField]);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(xml ? HttpStatusCode.UnsupportedMediaType : HttpStatusCode.BadRequest, host.Output);
        body.ShouldContain("<html", Case.Insensitive, "the error page, not a bare status");
        (await client.ItemsAsync($"/api/{tenant.Slug}/catalogue/solutions")).ShouldBeEmpty("nothing saved");
        host.Output.ShouldNotContain("\"LogLevel\":\"Error\"", Case.Sensitive, "no error logged");

        // The same form, readable, is saved: the refusal above was the NUL's, not the form's.
        fields["name"] = "Readable solution";
        (await client.PostAsync(form.Action, new FormUrlEncodedContent(fields))).IsSuccessStatusCode.ShouldBeTrue();
        (await client.ItemsAsync($"/api/{tenant.Slug}/catalogue/solutions")).Count.ShouldBe(1);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _hosts.DisposeAsync().AsTask();
}
