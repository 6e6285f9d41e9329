namespace NucleusCloud.Modules.SharedKernel;

/// <summary>What a country offers around a solution: the catalogue lists it, partners provide it, the CRM matches on it.</summary>
public enum SolutionOffering
{
    Advisory,
    TechnicalSolution,
    CapacityBuilding,
}
