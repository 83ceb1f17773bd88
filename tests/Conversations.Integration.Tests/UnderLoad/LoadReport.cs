using Xunit.Abstractions;

namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>What a load test saw, written to the test output so a run's numbers can be compared with the next.</summary>
public static class LoadReport
{
    public static void Write(ITestOutputHelper output, ClientLoad load, SendAudit audit, IEnumerable<string> otherProblems)
    {
        var failures = load.Failures;
        output.WriteLine($"{load.Calls} calls, {load.Attempts} attempts, {failures.Count} failed attempts" +
            (failures.Count > 0 ? $" from {failures.Min(f => f.At).TotalMilliseconds:0} to {failures.Max(f => f.At).TotalMilliseconds:0} ms" : ""));
        foreach (var kind in failures.GroupBy(f => f.Error.Split(':')[0]).OrderByDescending(k => k.Count()))
        {
            output.WriteLine($"  {kind.Count()} x {kind.First().Error[..Math.Min(160, kind.First().Error.Length)]}");
        }

        output.WriteLine(audit.ToString());
        foreach (var problem in audit.Problems.Concat(otherProblems).Take(20))
        {
            output.WriteLine($"  {problem}");
        }
    }
}
