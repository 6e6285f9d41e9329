using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>
/// What the space page reads and writes besides the API: one post (a thread's opening), the caller's own reactions, a document shared by form —
/// each for the space's delegates only, and never another space's post or another person's reaction.
/// </summary>
public abstract class ConversationQueryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_delegate_reads_one_post_and_its_own_reactions_and_a_third_tenant_reads_neither()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var member = await App.UserAsync(await App.NewTenantAsync("ke"));
        var stranger = await App.UserAsync(await App.NewTenantAsync("zz"));
        var space = await host.CreateSpaceAsync("Queries");
        await host.InviteAsync(space.Id(), member.Tenant);
        await member.JoinAsync(space.Id());
        var elsewhere = await stranger.CreateSpaceAsync("Elsewhere");
        var post = Guid.Parse((await host.PostedAsync(space.Id(), space.GeneralChannel(), "Opening")).Id());
        var foreign = Guid.Parse((await stranger.PostedAsync(elsewhere.Id(), elsewhere.GeneralChannel(), "Not theirs")).Id());
        (await member.Client.PutAsync($"{member.Spaces}/{space.Id()}/posts/{post}/reactions/thanks", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Client.PutAsync($"{host.Spaces}/{space.Id()}/posts/{post}/reactions/insightful", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var spaceId = Guid.Parse(space.Id());

        await using (var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(member.Tenant))
        {
            var conversation = scope.ServiceProvider.GetRequiredService<ISpaceConversation>();
            var caller = As(member.Id);
            (await conversation.GetPostAsync(caller, spaceId, post)).Value!.Body.ShouldBe("Opening");
            (await conversation.MyReactionsAsync(caller, spaceId, [post, foreign])).Value.ShouldBe([new MyReaction(post, "thanks")], "its own, not the host's");
            (await conversation.GetPostAsync(caller, spaceId, foreign)).Refusal!.Kind.ShouldBe(RefusalKind.NotFound, "a post of another space is not found through this one");
        }

        await using (var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(stranger.Tenant))
        {
            var conversation = scope.ServiceProvider.GetRequiredService<ISpaceConversation>();
            var caller = As(stranger.Id);
            (await conversation.GetPostAsync(caller, spaceId, post)).Refusal.ShouldNotBeNull();
            (await conversation.MyReactionsAsync(caller, spaceId, [post])).Refusal.ShouldNotBeNull();
        }

        // The page's upload form, posted by the third tenant into a space it is not in: not found, and nothing stored.
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(NucleusCloud.Tests.Shared.SampleFiles.Pdf()), "file", "x.pdf" } };
        (await stranger.Client.PostAsync($"/{stranger.Tenant.Slug}/exchange/{spaceId}/documents", upload)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.Client.ItemsAsync($"{host.Spaces}/{spaceId}/documents")).ShouldBeEmpty();
    }

    private static ClaimsPrincipal As(Guid userId) => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "test"));
}

public sealed class ConversationQueriesOnSqlite(SqliteFixture fixture) : ConversationQueryTests<SqliteFixture>(fixture);

public sealed class ConversationQueriesOnPostgres(PostgresFixture fixture) : ConversationQueryTests<PostgresFixture>(fixture);
public sealed class ConversationQueriesOnSqlServer(SqlServerFixture fixture) : ConversationQueryTests<SqlServerFixture>(fixture);
