using NucleusCloud.Modules.Catalogue.Contracts;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>Totals an import's record lines into the report both importers answer.</summary>
internal static class ImportReports
{
    public static ImportReport Of(IReadOnlyList<ImportedRecord> records) => new(
        records.Count(r => r.Status == "imported"), records.Count(r => r.Status == "updated"), records.Count(r => r.Status == "failed"), records);
}
