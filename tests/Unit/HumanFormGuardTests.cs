using Microsoft.AspNetCore.DataProtection;
using NucleusCloud.Modules.Abstractions.Cluster;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Tests.Unit;

public sealed class HumanFormGuardTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new();
    private readonly HumanFormGuard _guard;

    public HumanFormGuardTests() => _guard = new HumanFormGuard(new EphemeralDataProtectionProvider(), _clock, new ClusterBudgets(new OneHost(), _clock));

    private sealed class OneHost : IClusterSignals
    {
        public Task PublishAsync(string topic, string message) => Task.CompletedTask;

        public void Subscribe(ClusterTopic topic)
        {
        }
    }

    private string TokenFilledAfter(TimeSpan delay, string form = "query")
    {
        var token = _guard.IssueToken(form);
        _clock.Now += delay;
        return token;
    }

    [Fact]
    public void A_person_who_took_a_while_is_accepted() =>
        _guard.Check("query", TokenFilledAfter(TimeSpan.FromSeconds(20)), null, "ee", "10.0.0.1").ShouldBe(FormVerdict.Accept);

    [Fact]
    public void A_filled_honeypot_or_an_instant_submission_is_a_robot() =>
        (_guard.Check("query", TokenFilledAfter(TimeSpan.FromSeconds(20)), "http://spam", "ee", "10.0.0.1"),
         _guard.Check("query", TokenFilledAfter(TimeSpan.FromSeconds(1)), null, "ee", "10.0.0.1"))
        .ShouldBe((FormVerdict.PretendAccepted, FormVerdict.PretendAccepted));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("forged")]
    public void A_missing_or_forged_token_is_refused(string? token) =>
        _guard.Check("query", token, null, "ee", "10.0.0.1").ShouldBe(FormVerdict.Expired);

    [Fact]
    public void A_token_from_another_form_or_too_old_is_refused()
    {
        _guard.Check("query", TokenFilledAfter(TimeSpan.FromSeconds(20), form: "other"), null, "ee", "10.0.0.1").ShouldBe(FormVerdict.Expired);
        _guard.Check("query", TokenFilledAfter(TimeSpan.FromHours(3)), null, "ee", "10.0.0.1").ShouldBe(FormVerdict.Expired);
    }

    [Fact]
    public void An_address_has_a_budget_per_tenant()
    {
        for (var i = 0; i < HumanFormGuard.SubmissionsPerWindow; i++)
        {
            _guard.Check("query", TokenFilledAfter(TimeSpan.FromSeconds(10)), null, "ee", "10.0.0.2").ShouldBe(FormVerdict.Accept);
        }

        _guard.Check("query", TokenFilledAfter(TimeSpan.FromSeconds(10)), null, "ee", "10.0.0.2").ShouldBe(FormVerdict.TooMany);
        _guard.Check("query", TokenFilledAfter(TimeSpan.FromSeconds(10)), null, "dk", "10.0.0.2").ShouldBe(FormVerdict.Accept, "another tenant's budget is its own");
        _guard.Check("query", TokenFilledAfter(TimeSpan.FromSeconds(10)), null, "ee", "10.0.0.3").ShouldBe(FormVerdict.Accept);
    }
}
