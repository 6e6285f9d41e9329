using Microsoft.EntityFrameworkCore;
using NucleusCloud.Tests.Architecture.Fixtures;
using NucleusCloud.Tests.Architecture.Rules;

namespace NucleusCloud.Tests.Architecture;

/// <summary>The rules of ../shared/ARCHITECTURE.md, each run on the product and on a fixture that must fail it.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Fixtures = typeof(ArchitectureTests).Assembly;

    [Fact]
    public void The_product_is_made_of_the_expected_assemblies()
    {
        Solution.All.Select(a => a.GetName().Name).ShouldBe(
            ["NucleusCloud.Host", "NucleusCloud.Modules.Abstractions", "NucleusCloud.Modules.Brand", "NucleusCloud.Modules.Catalogue", "NucleusCloud.Modules.Crm", "NucleusCloud.Modules.Exchange", "NucleusCloud.Modules.Identity", "NucleusCloud.Modules.Partners", "NucleusCloud.Modules.Platform", "NucleusCloud.Modules.SharedKernel", "NucleusCloud.Modules.Strategy", "NucleusCloud.Tenancy", "NucleusCloud.Web"],
            ignoreOrder: true);
    }

    [Fact]
    public void Modules_Web_and_Host_use_other_modules_only_through_their_contracts()
    {
        Solution.All.SelectMany(ModuleBoundaries.Violations).ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_live_dispatcher_sends_through_the_hub_context()
    {
        LiveDelivery.Users(Solution.All).ShouldContain("NucleusCloud.Modules.Exchange.Live.LiveDispatcher");
        LiveDelivery.Violations(Solution.All).ShouldBeEmpty();
        LiveDelivery.Violations([Fixtures]).ShouldContain(v => v.Contains(nameof(HubShortcut), StringComparison.Ordinal));
    }

    [Fact]
    public void The_shared_kernel_stands_on_nothing_but_the_base_library()
    {
        var kernel = Solution.All.Single(a => Solution.ModuleOf(a) == "SharedKernel");
        kernel.GetReferencedAssemblies().Select(r => r.Name!).Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard").ShouldBeEmpty();
    }

    [Fact]
    public void Brand_and_Partners_speak_of_offerings_and_the_showcase_without_the_catalogue()
    {
        foreach (var module in Solution.Modules.Where(a => Solution.ModuleOf(a) is "Brand" or "Partners"))
        {
            module.GetReferencedAssemblies().Select(r => r.Name).ShouldNotContain("NucleusCloud.Modules.Catalogue", module.GetName().Name);
        }
    }

    [Fact]
    public void The_boundary_rule_catches_a_use_of_another_modules_internals()
    {
        ModuleBoundaries.Violations(Fixtures).ShouldContain(v => v.Contains("NucleusCloud.Modules.Catalogue.Solutions.Solution", StringComparison.Ordinal));
    }

    [Fact]
    public void A_modules_public_types_live_in_its_contracts()
    {
        Solution.Modules.SelectMany(ModuleBoundaries.PublicSurfaceViolations).ShouldBeEmpty();
        ModuleBoundaries.PublicSurfaceViolations(Fixtures).ShouldNotBeEmpty();
    }

    [Fact]
    public void Every_tenant_owned_entity_has_the_tenant_filter_a_required_tenant_id_and_tenant_led_keys()
    {
        var contexts = TenantModelRules.ModuleContexts();
        contexts.Count.ShouldBe(30, "a SQLite, a PostgreSQL and a SQL Server context for each of platform, identity (accounts, access, audit), catalogue, crm, partners, brand, exchange and strategy");
        foreach (var context in contexts)
        {
            using (context)
            {
                TenantModelRules.Violations(context).ShouldBeEmpty();
            }
        }
    }

    [Fact]
    public void The_model_rule_catches_a_missing_filter_untenanted_keys_and_unclassified_entities()
    {
        using var context = new LeakyDbContext(new DbContextOptionsBuilder<LeakyDbContext>().UseSqlite("Data Source=:memory:").Options);

        var violations = TenantModelRules.Violations(context);

        violations.ShouldContain(v => v.Contains("LeakyRow has no 'tenant' query filter", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("LeakyRow's primary key must start with TenantId", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("LeakyRow's unique index (Code)", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("Unclassified must be exactly one of", StringComparison.Ordinal));
    }

    [Fact]
    public void The_model_rule_catches_a_filter_that_compares_with_a_constant()
    {
        using var context = new ConstantFilterDbContext(new DbContextOptionsBuilder<ConstantFilterDbContext>().UseSqlite("Data Source=:memory:").Options);

        TenantModelRules.Violations(context).ShouldContain(v => v.Contains("not a constant", StringComparison.Ordinal));
    }

    [Fact]
    public void Filter_bypasses_raw_sql_pooling_ambient_tenants_and_http_context_appear_only_where_allowed()
    {
        Solution.All.SelectMany(ForbiddenUses.Violations).ShouldBeEmpty();
    }

    [Fact]
    public void The_forbidden_use_rule_catches_each_kind_of_use()
    {
        var violations = ForbiddenUses.Violations(Fixtures);

        violations.ShouldContain(v => v.Contains("calls IgnoreQueryFilters", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("calls AddDbContextPool", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("System.Threading.AsyncLocal`1", StringComparison.Ordinal));
    }

    [Fact]
    public void Endpoints_change_nothing_through_ef_core_themselves()
    {
        Solution.All.SelectMany(EndpointWrites.Violations).ShouldBeEmpty();
    }

    [Fact]
    public void The_endpoint_write_rule_catches_a_save_and_a_bulk_delete_even_in_a_lambda()
    {
        var violations = EndpointWrites.Violations(Fixtures);

        violations.ShouldContain(v => v.Contains("RuleBreakingEndpoints calls DbContext.SaveChangesAsync", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("RuleBreakingEndpoints calls EntityFrameworkQueryableExtensions.ExecuteDeleteAsync", StringComparison.Ordinal)
            || v.Contains("RuleBreakingEndpoints calls RelationalQueryableExtensions.ExecuteDeleteAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void Modules_reading_another_modules_events_read_what_it_sends()
    {
        IntegrationEventContracts.Violations(Solution.All).ShouldBeEmpty();
        Solution.All.SelectMany(a => a.GetTypes()).Count(t => t.GetCustomAttributes(typeof(NucleusCloud.Modules.Abstractions.Messaging.IntegrationEventAttribute), false).Length > 0)
            .ShouldBeGreaterThan(2, "the partner's removal is published once and read by two modules");
    }

    [Fact]
    public void The_event_contract_rule_catches_a_reader_of_another_shape()
    {
        var violations = IntegrationEventContracts.Violations([Fixtures]).ToList();

        violations.ShouldContain(v => v.Contains("ThingHappenedMisread reads 'fixtures.thing-happened'.ThingId as String", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("'fixtures.thing-happened'.Count as Int32", StringComparison.Ordinal));
    }
}
