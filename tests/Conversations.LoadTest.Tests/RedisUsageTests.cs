using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Tests;

public sealed class RedisUsageTests
{
    private static readonly RedisInfo s_start = new(CpuSeconds: 10.0, NetInputBytes: 1_000_000, AofEnabled: true, AofCurrentSize: 5_000_000, AofRewrites: 0, UsedMemoryBytes: 1);

    [Fact]
    public void Redis_cost_per_send_is_each_growth_over_the_ok_sends()
    {
        var end = s_start with { CpuSeconds = 12.5, NetInputBytes = 61_000_000, AofCurrentSize = 35_000_000 };

        var uniform = Sends(10_000, RedisUsage.Between(s_start, end));

        Assert.Equal(250.0, uniform.RedisCpuMicrosecondsPerOkItem);
        Assert.Equal(6_000.0, uniform.RedisBytesInPerOkItem);
        Assert.Equal(3_000.0, uniform.AofBytesPerOkItem);
        Assert.Null(uniform.Redis!.AofNotMeasuredBecause);
    }

    [Fact]
    public void A_webhook_post_is_charged_per_inbound_message()
    {
        var end = s_start with { CpuSeconds = 11.0, NetInputBytes = 3_000_000, AofCurrentSize = 6_000_000 };

        var webhooks = Results.Measured("webhooks", okOperations: 100, seconds: 1, serverCpuSeconds: 1.0, itemsPerOperation: 100)
            with { Redis = RedisUsage.Between(s_start, end) };

        Assert.Equal(100.0, webhooks.RedisCpuMicrosecondsPerOkItem);
        Assert.Equal(200.0, webhooks.RedisBytesInPerOkItem);
        Assert.Equal(100.0, webhooks.AofBytesPerOkItem);
    }

    [Fact]
    public void An_aof_that_shrank_was_rewritten_so_its_growth_is_not_measured_and_the_report_says_why()
    {
        var end = s_start with { CpuSeconds = 12.5, NetInputBytes = 61_000_000, AofCurrentSize = 2_000_000 };

        var uniform = Sends(10_000, RedisUsage.Between(s_start, end));

        Assert.Null(uniform.AofBytesPerOkItem);
        Assert.Contains("dropped from 5,000,000 to 2,000,000", uniform.Redis!.AofNotMeasuredBecause, StringComparison.Ordinal);
        Assert.Contains("--auto-aof-rewrite-percentage 0", uniform.Redis.AofNotMeasuredBecause, StringComparison.Ordinal);
        Assert.Equal(250.0, uniform.RedisCpuMicrosecondsPerOkItem);
        Assert.Equal(6_000.0, uniform.RedisBytesInPerOkItem);
    }

    [Fact]
    public void A_rewrite_that_left_the_aof_larger_than_before_is_caught_by_the_rewrite_count()
    {
        var end = s_start with { AofCurrentSize = 7_000_000, AofRewrites = 1 };

        var usage = RedisUsage.Between(s_start, end);

        Assert.Null(usage.AofBytes);
        Assert.Contains("aof_rewrites went from 0 to 1", usage.AofNotMeasuredBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void With_aof_off_there_is_no_aof_figure()
    {
        var off = s_start with { AofEnabled = false, AofCurrentSize = 0 };

        var usage = RedisUsage.Between(off, off with { NetInputBytes = 2_000_000 });

        Assert.Null(usage.AofBytes);
        Assert.Equal(RedisUsage.AofOff, usage.AofNotMeasuredBecause);
        Assert.Equal(1_000_000, usage.BytesIn);
    }

    [Fact]
    public void A_missing_field_leaves_only_its_own_figure_unmeasured()
    {
        var withoutNetAndAofSize = s_start with { NetInputBytes = null, AofCurrentSize = null };

        var uniform = Sends(1_000, RedisUsage.Between(withoutNetAndAofSize, s_start with { CpuSeconds = 10.5 }));

        Assert.Equal(500.0, uniform.RedisCpuMicrosecondsPerOkItem);
        Assert.Null(uniform.RedisBytesInPerOkItem);
        Assert.Null(uniform.AofBytesPerOkItem);
        Assert.Equal("INFO has no aof_current_size", uniform.Redis!.AofNotMeasuredBecause);
    }

    [Fact]
    public void Without_an_ok_send_or_without_redis_there_is_no_figure_per_send()
    {
        var usage = RedisUsage.Between(s_start, s_start with { CpuSeconds = 11.0, NetInputBytes = 2_000_000 });

        Assert.Null(Sends(0, usage).RedisCpuMicrosecondsPerOkItem);
        Assert.Null(Sends(0, usage).RedisBytesInPerOkItem);
        Assert.Null(Sends(1_000, null).RedisCpuMicrosecondsPerOkItem);
    }

    private static ScenarioResult Sends(long ok, RedisUsage? redis) =>
        Results.Measured("uniform", ok, seconds: 10, serverCpuSeconds: 1.0, sends: true) with { Redis = redis };
}
