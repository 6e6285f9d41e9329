using System.Text;
using NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;

namespace NucleusCloud.Modules.Exchange.Data;

/// <summary>
/// The exchange's tables are shared by design, so they get policies on membership, not on one tenant:
/// a tenant reads and writes the rows of the spaces it has a place in (host, invited, active or gone: what
/// it may do there is the exchange's own check); the space directory also shows open spaces, and a
/// tenant's notices are its own. The live machinery (delivery, presence, sweeps) acts as the system in a scope of no
/// tenant and sees every space; a request with no tenant sees none.
/// </summary>
internal sealed class ExchangeRowSecurity : IRowSecurityPolicies
{
    private const string Tenant = RowSecurity.CurrentTenant;
    private const string SystemActs = RowSecurity.ActsAsSystem;
    // The cast makes it one array, read once per statement (an init plan), not a subquery of arrays.
    private const string Related = "((SELECT exchange.related_spaces())::uuid[])";
    private const string Visible = "((SELECT exchange.visible_spaces())::uuid[])";

    /// <summary>Table, read rule, write rule (both after "the system may"). A tenant writes only into spaces it has a place in, or creates its own.</summary>
    private static readonly (string Table, string Using, string Check)[] Policies =
    [
        ("spaces", $"\"Id\" = ANY{Visible} OR \"HostTenantId\" = {Tenant}", $"\"Id\" = ANY{Related} OR \"HostTenantId\" = {Tenant}"),
        ("space_members", $"\"TenantId\" = {Tenant} OR \"SpaceId\" = ANY{Visible}", $"\"SpaceId\" = ANY{Visible}"),
        ("space_delegates", InSpace, InSpace),
        ("space_channels", InSpace, InSpace),
        ("space_posts", InSpace, InSpace),
        ("space_post_revisions", OfPost, OfPost),
        ("space_post_reactions", OfPost, OfPost),
        // Each delegate's own reading, kept by its tenant.
        ("space_channel_reads", $"\"TenantId\" = {Tenant} AND {InSpace}", $"\"TenantId\" = {Tenant} AND {InSpace}"),
        ("space_events", InSpace, InSpace),
        ("space_presence", InSpace, InSpace),
        ("knowledge_requests", InSpace, InSpace),
        ("shared_snapshots", InSpace, InSpace),
        ("tenant_notices", $"\"TenantId\" = {Tenant}", InSpace),
        ("space_documents", InSpace, InSpace),
        ("space_meetings", InSpace, InSpace),
        ("meeting_rsvps", OfMeeting, OfMeeting),
        ("cooperation_agreements", InSpace, InSpace),
        // Queued by whichever member caused them, read by the recipient's tenant (and sent by the system).
        ("space_mail_items", $"\"TenantId\" = {Tenant}", InSpace),
        ("mail_preferences", $"\"TenantId\" = {Tenant}", $"\"TenantId\" = {Tenant}"),
        // The host's; seen by the tenants of its spaces. Invitations are also seen by the tenant invited; opt-outs are each participant's own.
        ("forum_editions", $"\"HostTenantId\" = {Tenant} OR EXISTS (SELECT 1 FROM exchange.spaces s WHERE s.\"EditionId\" = forum_editions.\"Id\" AND s.\"Id\" = ANY{Related})", $"\"HostTenantId\" = {Tenant}"),
        ("edition_invitations", $"\"TenantId\" = {Tenant} OR {OfHostedEdition}", OfHostedEdition),
        ("edition_opt_outs", $"\"TenantId\" = {Tenant} OR {OfHostedEdition}", $"\"TenantId\" = {Tenant}"),
    ];

    private const string OfHostedEdition = $"EXISTS (SELECT 1 FROM exchange.forum_editions e WHERE e.\"Id\" = \"EditionId\" AND e.\"HostTenantId\" = {Tenant})";

    private const string InSpace = $"\"SpaceId\" = ANY{Related}";

    private const string OfPost = "EXISTS (SELECT 1 FROM exchange.space_posts p WHERE p.\"Id\" = \"PostId\")";

    private const string OfMeeting = "EXISTS (SELECT 1 FROM exchange.space_meetings m WHERE m.\"Id\" = \"MeetingId\")";

    public string Sql(DatabaseRoles roles)
    {
        var (app, platform) = (RowSecurity.Quote(roles.Application), RowSecurity.Quote(roles.Platform));
        var sql = new StringBuilder($"""
            -- Run as the owner, who reads the two membership tables without their policies (not forced):
            -- the policies of every other table ask these once per statement.
            CREATE OR REPLACE FUNCTION exchange.related_spaces() RETURNS uuid[]
              LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
              SELECT coalesce(array_agg(DISTINCT s."Id"), '{"{}"}') FROM exchange.spaces s
              WHERE s."HostTenantId" = {Tenant}
                 OR EXISTS (SELECT 1 FROM exchange.space_members m WHERE m."SpaceId" = s."Id" AND m."TenantId" = {Tenant}) $$;
            CREATE OR REPLACE FUNCTION exchange.visible_spaces() RETURNS uuid[]
              LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
              SELECT coalesce(array_agg(s."Id"), '{"{}"}') FROM exchange.spaces s
              WHERE s."Visibility" = 'Open' OR s."Id" = ANY(exchange.related_spaces()) $$;
            REVOKE ALL ON FUNCTION exchange.related_spaces(), exchange.visible_spaces() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION exchange.related_spaces(), exchange.visible_spaces() TO {app}, {platform};

            """);
        foreach (var (table, read, write) in Policies)
        {
            var name = $"exchange.{table}";
            var force = table is "spaces" or "space_members" ? "NO FORCE" : "FORCE";
            sql.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"""
                ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;
                ALTER TABLE {name} {force} ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS membership ON {name};
                CREATE POLICY membership ON {name} USING ({SystemActs} OR {read}) WITH CHECK ({SystemActs} OR {write});
                DROP POLICY IF EXISTS platform_reads ON {name};
                CREATE POLICY platform_reads ON {name} FOR SELECT TO {platform} USING (true);
                DROP POLICY IF EXISTS migrations ON {name};
                CREATE POLICY migrations ON {name} TO CURRENT_USER USING (true) WITH CHECK (true);
                """);
        }

        return sql.ToString();
    }
}
