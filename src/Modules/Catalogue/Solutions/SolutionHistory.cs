using System.Text.Json;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;

namespace NucleusCloud.Modules.Catalogue.Solutions;

/// <summary>Adds history entries to the unit of work, so they commit with the change they describe.</summary>
internal sealed class SolutionHistory(CatalogueDbContext db, AuditActor actor, TimeProvider clock)
{
    public void Record(Solution solution, string action, IEnumerable<string>? fields = null, SolutionStatus? from = null, SolutionStatus? to = null, string? note = null) =>
        db.SolutionChanges.Add(new SolutionChange
        {
            SolutionId = solution.Id,
            At = Abstractions.Persistence.StoredTime.GetStorableUtcNow(clock),
            Actor = actor.Id,
            Action = action,
            FromStatus = from,
            ToStatus = to,
            Fields = [.. fields ?? []],
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });

    private static readonly string[] Bookkeeping = [nameof(SolutionDetails.UpdatedAt), nameof(SolutionDetails.Version), nameof(SolutionDetails.CreatedAt), nameof(SolutionDetails.CaseStudies)];

    /// <summary>The names of the fields (camelCase, as in the API) that differ between two views of a solution.</summary>
    public static IReadOnlyList<string> ChangedFields(SolutionDetails before, SolutionDetails after) =>
        [.. typeof(SolutionDetails).GetProperties()
            .Where(p => !Bookkeeping.Contains(p.Name))
            .Where(p => JsonSerializer.Serialize(p.GetValue(before)) != JsonSerializer.Serialize(p.GetValue(after)))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];
}
