namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>One row's outcome: <c>imported</c>, <c>duplicate</c> (of a record already there, or of an earlier row), <c>failed</c>, <c>skipped</c>.</summary>
public sealed record CrmImportedRow(int Line, string? Name, string Status, IReadOnlyList<string> Messages);

/// <summary>Counts of an import, and the rows not imported (duplicates and failures) with why.</summary>
public sealed record CrmImportReport(int Imported, int Duplicates, int Failed, string Encoding, IReadOnlyList<CrmImportedRow> Rows);
