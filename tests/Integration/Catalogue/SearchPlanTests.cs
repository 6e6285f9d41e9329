using Npgsql;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Catalogue;

/// <summary>
/// How PostgreSQL answers a tenant's full-text search over many rows. Read by a role that the policies
/// do not bind, the tenant-led GIN index matches tenant and text at once. Under row-level security the
/// text operator, which is not leakproof, may only run after the policy, so it is a filter; the tenant
/// must then be an index condition (ARCHITECTURE: full-text operators are not leakproof), never a scan
/// of every tenant's rows.
/// </summary>
public sealed class SearchPlanTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [SkippableFact]
    public async Task The_tenant_is_an_index_condition_with_and_without_the_policies()
    {
        var tenant = await fixture.App.NewTenantAsync();
        await fixture.App.MemberOf(tenant).CreateSolutionAsync(tenant, "Identity Platform");
        await using var superuser = new NpgsqlConnection(fixture.Superuser(fixture.ConnectionString));
        await superuser.OpenAsync();
        await using (var load = superuser.CreateCommand())
        {
            // A realistic shape: thousands of rows per tenant, few of them matching the words searched.
            load.CommandText = $$"""
                INSERT INTO catalogue.solutions ("TenantId", "Id", "Slug", "Name", "Summary", "Description", "Status", "Sdgs", "DevelopmentCountries",
                    "DeploymentCountries", "CreatedAt", "UpdatedAt", "Version", "BuildingBlocks", "CaseStudyText", "Offerings", "OpenSource",
                    "ProviderPartnerIds", "Sectors", "Standards")
                SELECT t.id, gen_random_uuid(), 'load-' || n, 'Load solution ' || n || CASE WHEN n % 500 = 0 THEN ' identity' ELSE ' registry' END,
                    'Summary ' || n, 'Description of payments and messaging ' || n, 'Published', '{}', '{}', '{}', now(), now(), 1, '{}', '', '{}', false, '{}', '{}', '{}'
                FROM generate_series(1, 20000) AS n,
                     (VALUES ('{{tenant.Id}}'::uuid), (gen_random_uuid()), (gen_random_uuid())) AS t(id);
                ANALYZE catalogue.solutions;
                """;
            await load.ExecuteNonQueryAsync();
        }

        var search = $"""
            SELECT "Id" FROM catalogue.solutions, to_tsquery('simple', 'identity:*') AS q
            WHERE "TenantId" = '{tenant.Id}' AND search_vector @@ q
            """;
        var unbound = await ExplainAsync(superuser, search);
        IndexConditions(unbound).ShouldContain(line => line.Contains("TenantId", StringComparison.Ordinal) && line.Contains("@@", StringComparison.Ordinal), string.Join('\n', unbound));

        await using var application = new NpgsqlConnection(TestDatabaseRoles.As(fixture.ConnectionString, TestDatabaseRoles.Application));
        await application.OpenAsync();
        await using (var set = new NpgsqlCommand($"SET app.tenant_id = '{tenant.Id}'", application))
        {
            await set.ExecuteNonQueryAsync();
        }

        var bound = await ExplainAsync(application, search);
        IndexConditions(bound).ShouldContain(line => line.Contains("TenantId", StringComparison.Ordinal), string.Join('\n', bound));
        bound.ShouldNotContain(line => line.Contains("Seq Scan", StringComparison.Ordinal), string.Join('\n', bound));
    }

    private static IEnumerable<string> IndexConditions(IEnumerable<string> plan) => plan.Where(line => line.Contains("Index Cond", StringComparison.Ordinal));

    private static async Task<List<string>> ExplainAsync(NpgsqlConnection connection, string query)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN " + query, connection);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return plan;
    }
}
