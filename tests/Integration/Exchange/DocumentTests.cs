using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>Documents shared with a space: the upload rules, delivery to delegates only, attachments within the space.</summary>
public abstract class DocumentTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    private static ByteArrayContent Body(byte[] bytes, string type = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    [SkippableFact]
    public async Task A_document_is_checked_stored_and_served_to_the_spaces_delegates_only()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var member = await App.UserAsync(await App.NewTenantAsync("ee"));
        var outsider = await App.UserAsync(await App.NewTenantAsync("c"));
        var space = await host.CreateSpaceAsync("Documents", "Open");
        var other = await host.CreateSpaceAsync("Elsewhere", "Open");
        await member.JoinAsync(space.Id());
        var documents = $"{member.Spaces}/{space.Id()}/documents";

        await (await member.Client.PostAsync($"{documents}?title=Script", Body(SampleFiles.SvgWithScript(), "image/png"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await member.Client.PostAsync($"{documents}?title=Page", Body(SampleFiles.Html(), "application/pdf"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await member.Client.PostAsync($"{documents}?title=Flood", Body(SampleFiles.PngHeaderOnly(100_000, 100_000)))).ShouldBeValidationProblemAsync("file");
        await (await member.Client.PostAsync($"{documents}?title=Empty", Body([]))).ShouldBeValidationProblemAsync("body");
        var tooLarge = new HttpRequestMessage(HttpMethod.Post, $"{documents}?title=Huge") { Content = new StreamContent(new MemoryStream(new byte[26 * 1024 * 1024])) };
        await (await member.Client.SendAsync(tooLarge)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await outsider.Client.PostAsync($"{outsider.Spaces}/{space.Id()}/documents", Body(SampleFiles.Pdf()))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var shared = await member.Client.PostAsync($"{documents}?title=eID%20rollout&fileName=..%2F..%2Fetc%2Fpasswd%20%22x%22.pdf", Body(SampleFiles.Pdf(), "text/html"));
        shared.StatusCode.ShouldBe(HttpStatusCode.Created, await shared.Content.ReadAsStringAsync());
        var document = (await shared.Content.ReadFromJsonAsync<JsonObject>())!;
        document["contentType"]!.GetValue<string>().ShouldBe("application/pdf");
        document["fileName"]!.GetValue<string>().ShouldBe("passwd-x.pdf");

        var file = await host.Client.GetAsync($"{host.Spaces}/{space.Id()}/documents/{document.Id()}/file");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        file.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        file.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(SampleFiles.Pdf());
        await (await outsider.Client.GetAsync($"{outsider.Spaces}/{space.Id()}/documents/{document.Id()}/file")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await host.Client.GetAsync($"{host.Spaces}/{other.Id()}/documents/{document.Id()}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await host.Client.ItemsAsync($"{host.Spaces}/{space.Id()}/documents")).Select(d => d.Id()).ShouldBe([document.Id()]);

        // Attachments come from the same space only.
        var posted = await member.Client.PostAsJsonAsync($"{member.Spaces}/{space.Id()}/channels/{space.GeneralChannel()}/posts", new { body = "Our rollout plan", attachmentIds = new[] { document.Id() } }, Api.Json);
        posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        (await posted.Content.ReadFromJsonAsync<JsonObject>())!["attachments"]!.AsArray().Single()!.GetValue<string>().ShouldBe(document.Id());
        await (await host.Client.PostAsJsonAsync($"{host.Spaces}/{other.Id()}/channels/{other.GeneralChannel()}/posts", new { body = "Borrowed", attachmentIds = new[] { document.Id() } }, Api.Json)).ShouldBeValidationProblemAsync("attachmentIds");

        // Removal: the host moderates; the file is gone afterwards.
        await (await outsider.Client.DeleteAsync($"{outsider.Spaces}/{space.Id()}/documents/{document.Id()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await host.Client.DeleteAsync($"{host.Spaces}/{space.Id()}/documents/{document.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await member.Client.GetAsync($"{documents}/{document.Id()}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await member.Client.ItemsAsync(documents)).ShouldBeEmpty();
    }
}

public sealed class DocumentsOnSqlite(SqliteFixture fixture) : DocumentTests<SqliteFixture>(fixture);

public sealed class DocumentsOnPostgres(PostgresFixture fixture) : DocumentTests<PostgresFixture>(fixture);
public sealed class DocumentsOnSqlServer(SqlServerFixture fixture) : DocumentTests<SqlServerFixture>(fixture);
