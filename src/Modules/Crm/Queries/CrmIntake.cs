using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;

namespace NucleusCloud.Modules.Crm.Queries;

internal sealed class CrmIntake(CrmDbContext db, TimeProvider clock) : ICrmIntake
{
    public async Task<Guid> ReceiveQueryAsync(IncomingQuery query, CancellationToken cancellationToken = default)
    {
        var stored = new CrmQuery
        {
            ReceivedAt = clock.GetStorableUtcNow(),
            Source = query.Source,
            ContactName = query.ContactName.Trim(),
            ContactEmail = query.ContactEmail.Trim(),
            Organisation = string.IsNullOrWhiteSpace(query.Organisation) ? null : query.Organisation.Trim(),
            Country = query.Country,
            Subject = query.Subject.Trim(),
            Message = query.Message.Trim(),
            SolutionId = query.SolutionId,
        };
        db.Queries.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return stored.Id;
    }
}
