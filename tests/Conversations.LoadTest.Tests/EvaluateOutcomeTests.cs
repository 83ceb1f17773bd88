using Conversations.LoadTest.Measurement;
using Conversations.LoadTest.Scenarios;
using Conversations.V1;

namespace Conversations.LoadTest.Tests;

public sealed class EvaluateOutcomeTests
{
    [Fact]
    public void An_allowed_dry_run_is_ok() =>
        Assert.Equal(Outcome.Ok, EvaluateScenario.OutcomeOf(new EvaluateResponse { Allowed = true }));

    [Fact]
    public void A_refused_dry_run_counts_as_not_allowed_with_its_reason() =>
        Assert.Equal(
            new Outcome("NOT_ALLOWED", "WINDOW_CLOSED"),
            EvaluateScenario.OutcomeOf(new EvaluateResponse { Allowed = false, Refusal = new Refusal { Reason = "WINDOW_CLOSED" } }));
}
