namespace NucleusCloud.Tests.Integration.Faults;

/// <summary>
/// The fault tests load the machine on purpose (bursts of writes, a database restart under load): they run alone, after the other
/// tests, so that neither slows the other into a timeout and their figures are their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
}
