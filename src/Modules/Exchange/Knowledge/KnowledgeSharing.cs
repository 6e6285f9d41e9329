using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Text;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Knowledge;

/// <summary>
/// Knowledge requests and shared snapshots. A member's catalogue is read only in two ways: its own
/// published solution, copied when it shares one (in its own request), and the published solutions
/// of members that opted in to suggestions (in a scope of that member: what its public showcase shows).
/// </summary>
internal sealed class KnowledgeSharing(
    ExchangeDbContext db,
    ActingMember acting,
    SpaceEventLog log,
    Mail.MailQueue mail,
    ICatalogueQueries catalogue,
    ITenantStore tenants,
    ITenantScopeFactory tenantScopes,
    ITenantContext tenantContext,
    ExchangeAudit audit, TimeProvider clock) : IKnowledgeExchange
{
    private const int SuggestionsPerTenant = 3;

    public async Task<Outcome<PagedResult<KnowledgeRequestDto>>> RequestsAsync(ClaimsPrincipal caller, Guid spaceId, PageQuery page, CancellationToken cancellationToken = default)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Refusal is { } refusal)
        {
            return refusal;
        }

        var result = await db.Requests.AsNoTracking().Where(r => r.SpaceId == spaceId).OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToPageAsync(page, r => r, cancellationToken);
        var ids = result.Items.Select(r => r.Id).ToList();
        var answers = await db.Snapshots.Where(s => ids.Contains(s.RequestId) && s.WithdrawnAt == null).GroupBy(s => s.RequestId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new PagedResult<KnowledgeRequestDto>([.. result.Items.Select(r => ToDto(r, answers.GetValueOrDefault(r.Id)))], result.Total, result.Page, result.PageSize);
    }

    public async Task<Outcome<KnowledgeRequestDto>> AskAsync(ClaimsPrincipal caller, Guid spaceId, string? title, string? question, CancellationToken cancellationToken = default)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Value is not { } s)
        {
            return standing.Refusal!;
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length is < 5 or > 200)
        {
            return Refusal.Invalid("title", "Give the request a title of 5 to 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(question) || question.Length > Conversations.Conversation.MaxBodyLength)
        {
            return Refusal.Invalid("question", "Describe what you want to know (at most 20,000 characters).");
        }

        var request = new KnowledgeRequest
        {
            SpaceId = spaceId,
            TenantId = s.Member!.TenantId,
            TenantName = s.Member.TenantName,
            AskedBy = s.Delegate!.DisplayName,
            Title = title.Trim(),
            Question = question.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Requests.Add(request);
        // The members that opted in to suggestions hear of it: the question reaches every country that may answer.
        var told = await db.Members.AsNoTracking()
            .Where(m => m.SpaceId == spaceId && m.Status == MemberStatus.Active && m.SuggestSolutions && m.TenantId != request.TenantId)
            .Select(m => m.TenantId).ToListAsync(cancellationToken);
        db.Notices.AddRange(told.Select(tenantId => new TenantNotice
        {
            TenantId = tenantId, SpaceId = spaceId, RequestId = request.Id, Title = request.Title, FromTenant = request.TenantName, CreatedAt = request.CreatedAt,
        }));
        foreach (var tenantId in told)
        {
            mail.Add(spaceId, await mail.DelegatesOfAsync(spaceId, tenantId, cancellationToken), Mail.MailKind.RequestNotice, request.Id);
        }

        var dto = ToDto(request, 0);
        await log.CommitAsync(spaceId, [new LiveEvent(LiveEventTypes.RequestCreated, dto)], cancellationToken);
        return dto;
    }

    public async Task<Outcome<KnowledgeRequestDetails>> RequestAsync(ClaimsPrincipal caller, Guid spaceId, Guid requestId, CancellationToken cancellationToken = default)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Refusal is { } refusal)
        {
            return refusal;
        }

        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId && r.SpaceId == spaceId, cancellationToken);
        if (request is null)
        {
            return Refusal.NotFound("Request");
        }

        var snapshots = await db.Snapshots.AsNoTracking().Where(s => s.RequestId == requestId).OrderBy(s => s.SharedAt).ToListAsync(cancellationToken);
        var shared = snapshots.Where(s => s.WithdrawnAt is null).Select(s => (s.TenantId, s.SolutionSlug)).ToHashSet();
        var suggestions = (await SuggestAsync(request, cancellationToken)).Where(x => !shared.Contains((x.TenantId, x.Slug))).ToList();
        return new KnowledgeRequestDetails(ToDto(request, shared.Count), [.. snapshots.Select(ToDto)], suggestions);
    }

    public async Task<Outcome<SnapshotDto>> ShareAsync(ClaimsPrincipal caller, Guid spaceId, Guid requestId, string? solutionSlug, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, s) = found.Value;

        var asked = await db.Requests.Where(r => r.Id == requestId && r.SpaceId == spaceId).Select(r => new { r.TenantId, r.Status }).FirstOrDefaultAsync(cancellationToken);
        if (asked is null)
        {
            return Refusal.NotFound("Request");
        }

        if (asked.Status == RequestStatus.Closed)
        {
            return Refusal.Conflict("The request is closed: it takes no more answers.");
        }

        var askingTenant = asked.TenantId;

        // The request's own tenant context: only its published solutions can be found here.
        var solution = string.IsNullOrWhiteSpace(solutionSlug) ? null : await catalogue.GetPublishedAsync(solutionSlug.Trim(), cancellationToken);
        if (solution is null)
        {
            return Refusal.Invalid("solutionSlug", "Share one of your tenant's published solutions.");
        }

        if (await db.Snapshots.AnyAsync(x => x.RequestId == requestId && x.TenantId == me.Tenant.Id && x.SolutionSlug == solution.Slug && x.WithdrawnAt == null, cancellationToken))
        {
            return Refusal.Conflict("This solution is already shared in answer to the request.");
        }

        var snapshot = new SharedSnapshot
        {
            SpaceId = spaceId,
            RequestId = requestId,
            TenantId = me.Tenant.Id,
            TenantName = s.Member!.TenantName,
            SharedBy = s.Delegate!.DisplayName,
            SolutionSlug = solution.Slug,
            Name = solution.Name,
            Content = JsonSerializer.Serialize(solution, LiveJson.Options),
            SharedAt = clock.GetUtcNow(),
        };
        db.Snapshots.Add(snapshot);
        mail.Add(spaceId, await mail.DelegatesOfAsync(spaceId, askingTenant, cancellationToken), Mail.MailKind.RequestAnswered, requestId);
        var dto = ToDto(snapshot);
        await log.CommitAsync(spaceId, [new LiveEvent(LiveEventTypes.RequestAnswered, new { requestId, snapshotId = snapshot.Id, tenantName = snapshot.TenantName, name = snapshot.Name })], cancellationToken);
        await audit.RecordAsync("snapshot-shared", spaceId, "SharedSnapshot", snapshot.Id, cancellationToken, ("solution", snapshot.SolutionSlug), ("request", requestId.ToString()));
        return dto;
    }

    public async Task<Outcome<KnowledgeRequestDto>> SetStatusAsync(ClaimsPrincipal caller, Guid spaceId, Guid requestId, RequestStatus status, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, s) = found.Value;
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == requestId && r.SpaceId == spaceId && r.CreatedAt >= (s.HistorySince ?? DateTimeOffset.MinValue), cancellationToken);
        if (request is null)
        {
            return Refusal.NotFound("Request");
        }

        if (!s.IsHost && request.TenantId != me.Tenant.Id)
        {
            return Refusal.Forbidden("Only the asking tenant or the host closes or reopens a request.");
        }

        if (!Enum.IsDefined(status))
        {
            return Refusal.Invalid("status", "Open or Closed.");
        }

        if (request.Status != status)
        {
            request.Status = status;
            await log.CommitAsync(spaceId, [new LiveEvent(status == RequestStatus.Closed ? LiveEventTypes.RequestClosed : LiveEventTypes.RequestReopened, new { requestId, title = request.Title })],
                cancellationToken);
        }

        var answers = await db.Snapshots.CountAsync(x => x.RequestId == requestId && x.WithdrawnAt == null, cancellationToken);
        return ToDto(request, answers);
    }

    public async Task<PagedResult<NoticeDto>> NoticesAsync(PageQuery page, CancellationToken cancellationToken = default)
    {
        var tenantId = tenantContext.RequiredTenant.Id;
        var notices = db.Notices.AsNoTracking()
            .Where(n => n.TenantId == tenantId && db.Members.Any(m => m.SpaceId == n.SpaceId && m.TenantId == tenantId && m.Status == MemberStatus.Active))
            .Join(db.Spaces, n => n.SpaceId, s => s.Id, (n, s) => new { Notice = n, SpaceName = s.Name })
            .OrderByDescending(x => x.Notice.CreatedAt).ThenBy(x => x.Notice.Id);
        return await notices.ToPageAsync(page, x => new NoticeDto(x.Notice.Id, x.Notice.SpaceId, x.SpaceName, x.Notice.RequestId, x.Notice.Title, x.Notice.FromTenant, x.Notice.CreatedAt), cancellationToken);
    }

    public async Task<Outcome<SnapshotDto>> WithdrawAsync(ClaimsPrincipal caller, Guid spaceId, Guid snapshotId, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.ActiveMember, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, _) = found.Value;

        var snapshot = await db.Snapshots.FirstOrDefaultAsync(x => x.Id == snapshotId && x.SpaceId == spaceId && x.TenantId == me.Tenant.Id, cancellationToken);
        if (snapshot is null)
        {
            return Refusal.NotFound("Snapshot");
        }

        if (snapshot.WithdrawnAt is null)
        {
            SnapshotWithdrawal.Apply(snapshot, clock.GetUtcNow());
            await log.CommitAsync(spaceId, [new LiveEvent(LiveEventTypes.SnapshotWithdrawn, new { snapshotId, requestId = snapshot.RequestId })], cancellationToken);
            await audit.RecordAsync("snapshot-withdrawn", spaceId, "SharedSnapshot", snapshot.Id, cancellationToken, ("solution", snapshot.SolutionSlug));
        }

        return ToDto(snapshot);
    }

    /// <summary>Published solutions of member tenants that opted in, matching the request's title words.</summary>
    private async Task<IReadOnlyList<SuggestedSolution>> SuggestAsync(KnowledgeRequest request, CancellationToken cancellationToken)
    {
        var keywords = request.Title.Split([' ', ',', '.', '?', '!', ':', ';', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4).OrderByDescending(w => w.Length).Take(3).ToList();
        if (keywords.Count == 0)
        {
            return [];
        }

        var members = await db.Members.AsNoTracking().Where(m => m.SpaceId == request.SpaceId && m.Status == MemberStatus.Active && m.SuggestSolutions).ToListAsync(cancellationToken);
        var suggestions = new List<SuggestedSolution>();
        foreach (var member in members)
        {
            if (await tenants.FindByIdAsync(member.TenantId, cancellationToken) is not { Status: TenantStatus.Active } tenant)
            {
                continue;
            }

            await using var scope = tenantScopes.CreateScope(tenant);
            var memberCatalogue = scope.ServiceProvider.GetRequiredService<ICatalogueQueries>();
            var found = new List<SolutionListItem>();
            foreach (var keyword in keywords)
            {
                var hits = await memberCatalogue.SearchPublishedAsync(new CatalogueSearch(Q: keyword, PageSize: SuggestionsPerTenant), cancellationToken);
                found.AddRange(hits.Items.Where(h => found.All(f => f.Id != h.Id)));
            }

            suggestions.AddRange(found.Take(SuggestionsPerTenant).Select(h => new SuggestedSolution(tenant.Id, member.TenantName, h.Slug, h.Name, h.Summary)));
        }

        return suggestions;
    }

    private static KnowledgeRequestDto ToDto(KnowledgeRequest request, int answers) =>
        new(request.Id, request.Title, request.Question, SafeMarkdown.ToHtml(request.Question), request.TenantId, request.TenantName, request.AskedBy, request.Status, request.CreatedAt, answers);

    private static SnapshotDto ToDto(SharedSnapshot snapshot) =>
        new(snapshot.Id, snapshot.RequestId, snapshot.TenantId, snapshot.TenantName, snapshot.SharedBy, snapshot.SolutionSlug, snapshot.Name,
            snapshot.WithdrawnAt is null && snapshot.Content.Length > 0 ? JsonSerializer.Deserialize<SolutionDetails>(snapshot.Content, LiveJson.Options) : null,
            snapshot.SharedAt, snapshot.WithdrawnAt);
}
