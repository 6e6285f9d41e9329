using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Exchange.Agreements;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Editions;
using NucleusCloud.Modules.Exchange.Knowledge;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Modules.Exchange.Meetings;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Demo;

/// <summary>
/// UN DESA's edition "DGX 2026" around the demo space, with what its outcome report counts: two plenaries held (with attendance) and one to
/// come, requests answered with shared solutions, and a signed memorandum. Its public page is on. Added to a demo database that lacks it.
/// </summary>
internal sealed class DemoEdition(ITenantStore tenants, ITenantScopeFactory scopes, ExchangeDbContext db, TimeProvider clock) : IDemoSeeder
{
    public const string Slug = "dgx-2026";

    public int Order => 31;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // The demo space already in an edition means this ran before (the edition itself is hidden by row security from a scope of no tenant).
        if (await tenants.FindBySlugAsync("undesa", cancellationToken) is not { } host
            || await db.Spaces.FirstOrDefaultAsync(s => s.HostTenantId == host.Id && s.Name == DemoExchange.SpaceName, cancellationToken) is not { EditionId: null } space)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var year = now.Year;
        var edition = new ForumEdition
        {
            HostTenantId = host.Id, HostName = host.Name, Name = $"DGX {year}", Slug = Slug, PublicPage = true, CreatedAt = now,
            Summary = "A year of peer exchange between governments building digital public infrastructure: plenaries, study visits and answered questions.",
            StartsOn = new DateOnly(year, 1, 15), EndsOn = new DateOnly(year, 12, 15),
        };
        db.Editions.Add(edition);
        space.EditionId = edition.Id;

        var delegates = await db.Delegates.AsNoTracking().Where(d => d.SpaceId == space.Id).ToListAsync(cancellationToken);
        var members = await db.Members.AsNoTracking().Where(m => m.SpaceId == space.Id).ToDictionaryAsync(m => m.TenantId, m => m.TenantName, cancellationToken);
        var bySlug = new Dictionary<string, TenantInfo>();
        foreach (var slug in new[] { "undesa", "ee", "dk", "in", "kr", "sg" })
        {
            if (await tenants.FindBySlugAsync(slug, cancellationToken) is { } tenant && members.ContainsKey(tenant.Id))
            {
                bySlug[slug] = tenant;
            }
        }

        AddMeetings(space.Id, host, delegates, members, now);
        await AddAnswersAsync(space.Id, bySlug, delegates, now, cancellationToken);
        AddAgreement(space.Id, bySlug, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddMeetings(Guid spaceId, TenantInfo host, List<Spaces.SpaceDelegate> delegates, Dictionary<Guid, string> members, DateTimeOffset now)
    {
        var plenaries = new (string Title, int DaysFromNow, int Attending)[]
        {
            ("Opening plenary: DPI that travels", -60, delegates.Count),
            ("Working session: offline authentication", -20, Math.Max(1, delegates.Count - 2)),
            ("Closing plenary and outcomes", 30, 0),
        };
        foreach (var (title, days, attending) in plenaries)
        {
            var starts = new DateTimeOffset(now.Date.AddDays(days).AddHours(13), TimeSpan.Zero);
            var meeting = new Meeting
            {
                SpaceId = spaceId, OrganiserTenantId = host.Id, OrganiserTenantName = host.Name, Title = title, StartsAt = starts, EndsAt = starts.AddHours(2),
                TimeZone = "America/New_York", Location = "Online", CreatedAt = now.AddDays(days - 30), StartAnnouncedAt = days < 0 ? starts : null,
            };
            db.Meetings.Add(meeting);
            foreach (var person in delegates.Take(attending))
            {
                db.Rsvps.Add(new Rsvp
                {
                    MeetingId = meeting.Id, UserId = person.UserId, TenantId = person.TenantId, DisplayName = person.DisplayName, TenantName = members[person.TenantId],
                    Answer = RsvpAnswer.Yes, AnsweredAt = starts.AddDays(-7),
                });
            }
        }
    }

    /// <summary>India's question on offline authentication, answered by Estonia and Singapore with one of their published solutions each.</summary>
    private async Task AddAnswersAsync(Guid spaceId, Dictionary<string, TenantInfo> bySlug, List<Spaces.SpaceDelegate> delegates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!bySlug.TryGetValue("in", out var asker))
        {
            return;
        }

        var request = new KnowledgeRequest
        {
            SpaceId = spaceId, TenantId = asker.Id, TenantName = asker.Name, AskedBy = delegates.FirstOrDefault(d => d.TenantId == asker.Id)?.DisplayName ?? asker.Name,
            Title = "Offline authentication for rural enrolment", Question = "How do you authenticate residents where connectivity is poor?", CreatedAt = now.AddDays(-40),
        };
        db.Requests.Add(request);
        foreach (var slug in new[] { "ee", "sg" })
        {
            if (!bySlug.TryGetValue(slug, out var answering))
            {
                continue;
            }

            await using var scope = scopes.CreateScope(answering);
            var catalogue = scope.ServiceProvider.GetRequiredService<ICatalogueQueries>();
            var found = (await catalogue.SearchPublishedAsync(new CatalogueSearch(PageSize: 1), cancellationToken)).Items;
            var first = found.Count > 0 ? found[0] : null;
            if (first is null || await catalogue.GetPublishedAsync(first.Slug, cancellationToken) is not { } solution)
            {
                continue;
            }

            db.Snapshots.Add(new SharedSnapshot
            {
                SpaceId = spaceId, RequestId = request.Id, TenantId = answering.Id, TenantName = answering.Name,
                SharedBy = delegates.FirstOrDefault(d => d.TenantId == answering.Id)?.DisplayName ?? answering.Name, SolutionSlug = solution.Slug, Name = solution.Name,
                Content = JsonSerializer.Serialize(solution, LiveJson.Options), SharedAt = now.AddDays(-38),
            });
        }
    }

    private void AddAgreement(Guid spaceId, Dictionary<string, TenantInfo> bySlug, DateTimeOffset now)
    {
        if (bySlug.TryGetValue("sg", out var proposer) && bySlug.TryGetValue("kr", out var partner))
        {
            db.Agreements.Add(new CooperationAgreement
            {
                SpaceId = spaceId, Kind = AgreementKind.MoU, Title = "Mutual recognition of verifiable credentials", Areas = ["digital identity", "verifiable credentials"],
                ProposerTenantId = proposer.Id, ProposerName = proposer.Name, PartnerTenantId = partner.Id, PartnerName = partner.Name,
                Status = CooperationStatus.InForce, CreatedAt = now.AddDays(-25), SignedAt = now.AddDays(-18), StartsOn = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-18)),
            });
        }
    }
}
