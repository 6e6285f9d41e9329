using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.Strategy.Data;

namespace NucleusCloud.Modules.Strategy.Indicators;

/// <summary>One source record's contribution to one indicator.</summary>
internal readonly record struct Contribution(int Year, decimal Value, string? Currency = null, decimal Weight = 0);

/// <summary>Keeps one fact per source record and indicator at its latest state, ignoring states older than the one it holds.</summary>
internal static class FactBook
{
    public static async Task RecordAsync(StrategyDbContext db, string indicator, Guid sourceId, int version, Contribution contribution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fact = await db.Facts.FirstOrDefaultAsync(f => f.Indicator == indicator && f.SourceId == sourceId, cancellationToken);
        if (fact is null)
        {
            fact = db.Facts.Add(new IndicatorFact { Indicator = indicator, SourceId = sourceId }).Entity;
        }
        else if (version < fact.SourceVersion)
        {
            return;
        }

        (fact.SourceVersion, fact.Year, fact.Value, fact.Currency, fact.Weight, fact.RecordedAt) =
            (version, contribution.Year, contribution.Value, contribution.Currency, contribution.Weight, now);
    }
}

/// <summary>"Opportunities won" and their value, from the CRM's opportunity states.</summary>
internal sealed class OpportunityFacts(StrategyDbContext db, TimeProvider clock) : IntegrationEventHandler<OpportunityChanged, StrategyDbContext>(db, clock)
{
    protected override async Task HandleAsync(OpportunityChanged changed, CancellationToken cancellationToken)
    {
        var won = changed is { Stage: OpportunityStage.Won, Deleted: false, ClosedAt: not null };
        var year = changed.ClosedAt?.UtcDateTime.Year ?? 0;
        var now = Clock.GetStorableUtcNow();
        await FactBook.RecordAsync(Db, IndicatorDefinitions.OpportunitiesWon, changed.OpportunityId, changed.Version, new(year, won ? 1 : 0), now, cancellationToken);
        await FactBook.RecordAsync(Db, IndicatorDefinitions.OpportunitiesWonValue, changed.OpportunityId, changed.Version,
            new(year, won ? changed.Amount ?? 0 : 0, changed.Currency), now, cancellationToken);
    }
}

/// <summary>"Enquiries received" and "answered", from the CRM's enquiry states.</summary>
internal sealed class EnquiryFacts(StrategyDbContext db, TimeProvider clock) : IntegrationEventHandler<EnquiryChanged, StrategyDbContext>(db, clock)
{
    protected override async Task HandleAsync(EnquiryChanged changed, CancellationToken cancellationToken)
    {
        var now = Clock.GetStorableUtcNow();
        await FactBook.RecordAsync(Db, IndicatorDefinitions.EnquiriesReceived, changed.EnquiryId, changed.Version, new(changed.ReceivedAt.UtcDateTime.Year, changed.Deleted ? 0 : 1), now, cancellationToken);
        var answered = changed is { Deleted: false, AnsweredAt: not null };
        await FactBook.RecordAsync(Db, IndicatorDefinitions.EnquiriesAnswered, changed.EnquiryId, changed.Version, new(changed.AnsweredAt?.UtcDateTime.Year ?? 0, answered ? 1 : 0), now, cancellationToken);
    }
}

/// <summary>"Touch points" and "media coverage", from the CRM's interactions (recorded once, perhaps deleted later).</summary>
internal sealed class InteractionFacts(StrategyDbContext db, TimeProvider clock) : IntegrationEventHandler<InteractionChanged, StrategyDbContext>(db, clock)
{
    protected override async Task HandleAsync(InteractionChanged changed, CancellationToken cancellationToken)
    {
        // An interaction is not edited: recorded (version 1), then perhaps deleted (version 2), which wins whatever the order of arrival.
        var (version, counts) = changed.Deleted ? (2, 0) : (1, 1);
        var now = Clock.GetStorableUtcNow();
        await FactBook.RecordAsync(Db, IndicatorDefinitions.TouchPoints, changed.InteractionId, version, new(changed.OccurredOn.Year, counts), now, cancellationToken);
        if (changed.Kind == InteractionKind.MediaCoverage)
        {
            await FactBook.RecordAsync(Db, IndicatorDefinitions.MediaCoverage, changed.InteractionId, version, new(changed.OccurredOn.Year, counts), now, cancellationToken);
        }
    }
}

/// <summary>"Delegation visits" and "visitors", from the CRM's visits: only held ones count.</summary>
internal sealed class VisitFacts(StrategyDbContext db, TimeProvider clock) : IntegrationEventHandler<VisitChanged, StrategyDbContext>(db, clock)
{
    protected override async Task HandleAsync(VisitChanged changed, CancellationToken cancellationToken)
    {
        var held = changed is { Status: VisitStatus.Held, Deleted: false };
        var now = Clock.GetStorableUtcNow();
        await FactBook.RecordAsync(Db, IndicatorDefinitions.DelegationVisits, changed.VisitId, changed.Version, new(changed.StartsOn.Year, held ? 1 : 0), now, cancellationToken);
        await FactBook.RecordAsync(Db, IndicatorDefinitions.Visitors, changed.VisitId, changed.Version, new(changed.StartsOn.Year, held ? changed.Headcount : 0), now, cancellationToken);
    }
}

/// <summary>"Partner satisfaction", from the partner register's survey results: the score weighted by respondents, in the period's year.</summary>
internal sealed class SurveyFacts(StrategyDbContext db, TimeProvider clock) : IntegrationEventHandler<PartnerSurveyChanged, StrategyDbContext>(db, clock)
{
    protected override Task HandleAsync(PartnerSurveyChanged changed, CancellationToken cancellationToken)
    {
        var year = int.TryParse(changed.Period.AsSpan(0, Math.Min(4, changed.Period.Length)), out var y) ? y : 0;
        var respondents = changed.Deleted ? 0 : changed.Respondents;
        return FactBook.RecordAsync(Db, IndicatorDefinitions.PartnerSatisfaction, changed.SurveyId, changed.Version,
            new(year, changed.Score * respondents, Weight: respondents), Clock.GetStorableUtcNow(), cancellationToken);
    }
}
