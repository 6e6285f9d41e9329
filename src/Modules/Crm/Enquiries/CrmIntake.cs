using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Crm.Enquiries;

internal sealed class CrmIntake(CrmDbContext db, ITenantContext tenant, TimeProvider clock) : ICrmIntake
{
    public async Task<Guid> ReceiveEnquiryAsync(IncomingEnquiry enquiry, CancellationToken cancellationToken = default)
    {
        var stored = new Enquiry
        {
            TenantId = tenant.RequiredTenant.Id,
            ReceivedAt = clock.GetStorableUtcNow(),
            Source = enquiry.Source,
            ContactName = enquiry.ContactName.Trim(),
            ContactEmail = enquiry.ContactEmail.Trim(),
            Organisation = string.IsNullOrWhiteSpace(enquiry.Organisation) ? null : enquiry.Organisation.Trim(),
            Country = enquiry.Country,
            Subject = enquiry.Subject.Trim(),
            Message = enquiry.Message.Trim(),
            SolutionId = enquiry.SolutionId,
        };
        db.Enquiries.Add(stored);
        db.Outbox.Add(OutboxMessage.For(stored.ToEvent(), stored.ReceivedAt));
        await db.SaveChangesAsync(cancellationToken);
        return stored.Id;
    }
}
