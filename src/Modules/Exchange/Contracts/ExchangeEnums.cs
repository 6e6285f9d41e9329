namespace NucleusCloud.Modules.Exchange.Contracts;

public enum SpaceVisibility
{
    /// <summary>Tenants join by invitation of the host.</summary>
    InviteOnly,

    /// <summary>Any tenant may join.</summary>
    Open,
}

public enum MemberStatus
{
    Invited,
    Active,
    Left,

    /// <summary>The host removed the tenant: only a new invitation lets it back in.</summary>
    Removed,
}

public enum RequestStatus
{
    Open,
    Closed,
}

public enum RsvpAnswer
{
    Yes,
    Maybe,
    No,
}

public enum AgreementKind
{
    /// <summary>Memorandum of understanding.</summary>
    MoU,

    /// <summary>Memorandum of cooperation.</summary>
    MoC,
}

public enum CooperationStatus
{
    /// <summary>Proposed by one member, waiting for the other's confirmation.</summary>
    Proposed,

    /// <summary>Signed by both: the other party confirmed.</summary>
    InForce,
    Ended,

    /// <summary>Taken back by its proposer before the other party signed.</summary>
    Withdrawn,
}
