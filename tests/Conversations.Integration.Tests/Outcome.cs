using Conversations.Abstractions.Refusals;

namespace Conversations.Integration.Tests;

public static class Outcome
{
    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.Succeeded, result.Refusal?.Message);
        return result.Value;
    }

    public static Refusal Refused<T>(Result<T> result, RefusalReason reason)
    {
        Assert.False(result.Succeeded, $"expected {reason}, but it succeeded");
        Assert.Equal(reason, result.Refusal.Reason);
        return result.Refusal;
    }
}
