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
}

public enum RequestStatus
{
    Open,
    Closed,
}
