using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Strategy.Data;

namespace NucleusCloud.Modules.Strategy.Indicators;

/// <summary>Keeps one fact per source record and indicator at its latest state, ignoring states older than the one it holds.</summary>
internal static class FactBook
{
    public static async Task RecordAsync(StrategyDbContext db, string indicator, Guid sourceId, int version, int year, decimal value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fact = await db.Facts.FirstOrDefaultAsync(f => f.Indicator == indicator && f.SourceId == sourceId, cancellationToken);
        if (fact is null)
        {
            db.Facts.Add(new IndicatorFact { Indicator = indicator, SourceId = sourceId, SourceVersion = version, Year = year, Value = value, RecordedAt = now });
        }
        else if (version >= fact.SourceVersion)
        {
            (fact.SourceVersion, fact.Year, fact.Value, fact.RecordedAt) = (version, year, value, now);
        }
    }
}

/// <summary>"Opportunities won", from the CRM's opportunity states.</summary>
internal sealed class OpportunityFacts(StrategyDbContext db, TimeProvider clock) : IntegrationEventHandler<OpportunityChanged, StrategyDbContext>(db, clock)
{
    protected override Task HandleAsync(OpportunityChanged changed, CancellationToken cancellationToken)
    {
        var won = changed is { Stage: OpportunityStage.Won, Deleted: false, ClosedAt: not null };
        var year = changed.ClosedAt?.UtcDateTime.Year ?? 0;
        return FactBook.RecordAsync(Db, IndicatorDefinitions.OpportunitiesWon, changed.OpportunityId, changed.Version, year, won ? 1 : 0, Clock.GetStorableUtcNow(), cancellationToken);
    }
}

/// <summary>"Enquiries received" and "answered", from the CRM's enquiry states.</summary>
internal sealed class EnquiryFacts(StrategyDbContext db, TimeProvider clock) : IntegrationEventHandler<EnquiryChanged, StrategyDbContext>(db, clock)
{
    protected override async Task HandleAsync(EnquiryChanged changed, CancellationToken cancellationToken)
    {
        var now = Clock.GetStorableUtcNow();
        await FactBook.RecordAsync(Db, IndicatorDefinitions.EnquiriesReceived, changed.EnquiryId, changed.Version, changed.ReceivedAt.UtcDateTime.Year, changed.Deleted ? 0 : 1, now, cancellationToken);
        var answered = changed is { Deleted: false, AnsweredAt: not null };
        await FactBook.RecordAsync(Db, IndicatorDefinitions.EnquiriesAnswered, changed.EnquiryId, changed.Version, changed.AnsweredAt?.UtcDateTime.Year ?? 0, answered ? 1 : 0, now, cancellationToken);
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
        await FactBook.RecordAsync(Db, IndicatorDefinitions.TouchPoints, changed.InteractionId, version, changed.OccurredOn.Year, counts, now, cancellationToken);
        if (changed.Kind == InteractionKind.MediaCoverage)
        {
            await FactBook.RecordAsync(Db, IndicatorDefinitions.MediaCoverage, changed.InteractionId, version, changed.OccurredOn.Year, counts, now, cancellationToken);
        }
    }
}
