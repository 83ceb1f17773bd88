using V1 = Conversations.V1;

namespace Conversations.Cli.Output;

public static class MessagingLimitPrinter
{
    public static void Print(V1.MessagingLimit limit, TextWriter output)
    {
        output.WriteLine($"portfolio {limit.PortfolioId}: messaging limit tier {limit.Tier}");
        output.WriteLine($"used: {limit.Used} unique customers in the moving 24 h");
        // Unset while nobody is counted: there is nothing to wait for.
        output.WriteLine(limit.ResetsAt is { } resetsAt ? $"resets at: {Instant.Format(resetsAt)}" : "resets at: none, no customer counted");
    }
}
