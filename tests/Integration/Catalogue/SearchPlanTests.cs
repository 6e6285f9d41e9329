using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Catalogue;

/// <summary>
/// PostgreSQL can answer a tenant's full-text search from the tenant-led GIN index alone
/// (ARCHITECTURE: full-text operators are not leakproof, so the tenant must be in the index).
/// </summary>
public sealed class SearchPlanTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [SkippableFact]
    public async Task The_tenant_and_the_text_are_matched_in_one_index()
    {
        var tenant = await fixture.App.NewTenantAsync();
        await fixture.App.MemberOf(tenant).CreateSolutionAsync(tenant, "Identity Platform");
        await using var scope = fixture.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var load = connection.CreateCommand())
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

        await using var explain = connection.CreateCommand();
        explain.CommandText = $"""
            EXPLAIN SELECT "Id" FROM catalogue.solutions, to_tsquery('simple', 'identity:*') AS q
            WHERE "TenantId" = '{tenant.Id}' AND search_vector @@ q
            """;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join("\n", plan);
        text.ShouldContain("ix_solutions_tenant_search", customMessage: text);
        plan.Where(line => line.Contains("Index Cond", StringComparison.Ordinal)).ShouldContain(line => line.Contains("TenantId", StringComparison.Ordinal) && line.Contains("@@", StringComparison.Ordinal), text);
    }
}
