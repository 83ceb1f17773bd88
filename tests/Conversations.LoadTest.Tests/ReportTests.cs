using Conversations.LoadTest.Measurement;
using Conversations.LoadTest.Reporting;

namespace Conversations.LoadTest.Tests;

public sealed class ReportTests
{
    [Fact]
    public void The_markdown_gives_redis_per_send_and_the_pacing_verdict()
    {
        var start = new RedisInfo(10.0, 1_000_000, AofEnabled: true, AofCurrentSize: 5_000_000, AofRewrites: 0, UsedMemoryBytes: 1);
        var pacing = Results.Measured("pacing", 60_000, 60, 30.0) with
        {
            Redis = RedisUsage.Between(start, start with { CpuSeconds = 16.0, NetInputBytes = 301_000_000, AofCurrentSize = 2_000_000 }),
            Pacing = new PacingVerdict(1_000, 1_000, 60_000, 0, 65_000, 65_000, 60_000, BusiestSecond: 1_000, SimulatorBusiestSecond: 1_000, EarlyArrivals: 0, 2.0),
        };
        var settings = new LoadTestSettings(new Uri("http://localhost:5177"), ["pacing"], TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), 64, null, 10_000, 1, 1, null, null,
            new Uri("http://127.0.0.1:5179")) { Redis = "127.0.0.1:6399" };

        var md = MarkdownReport.Render(new RunReport("1", DateTimeOffset.UnixEpoch, MachineInfo.Current(), RunSettings.From(settings), [pacing]));

        Assert.Contains("| pacing | 100 | 5,000 B | not measured | 6.000 s / 300,000,000 B / – |", md, StringComparison.Ordinal);
        Assert.Contains("pacing: AOF not measured: aof_current_size dropped", md, StringComparison.Ordinal);
        Assert.Contains("busiest second at Meta: 1,000 (limit 1,000)", md, StringComparison.Ordinal);
        Assert.Contains("pacing: PASS at 1,000/s", md, StringComparison.Ordinal);
    }
}
