using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Tests;

public sealed class RedisInfoTests
{
    // The shape of redis-server 7's INFO: CRLF lines, "# Section" headers, fields the load tester does not read.
    private const string Info =
        "# Server\r\nredis_version:7.0.15\r\n\r\n# Memory\r\nused_memory:917120\r\nused_memory_human:895.62K\r\n\r\n"
        + "# Persistence\r\naof_enabled:1\r\naof_rewrite_in_progress:0\r\naof_rewrites:2\r\naof_current_size:123456\r\naof_base_size:100\r\n\r\n"
        + "# Stats\r\ntotal_net_input_bytes:98765\r\ntotal_net_output_bytes:4321\r\n\r\n"
        + "# CPU\r\nused_cpu_sys:1.250000\r\nused_cpu_user:2.500000\r\nused_cpu_sys_children:9.000000\r\nused_cpu_user_children:9.000000\r\n";

    [Fact]
    public void Info_gives_cpu_as_user_plus_sys_without_children_and_the_byte_counters()
    {
        var info = RedisInfo.Parse(Info);

        Assert.Equal(3.75, info.CpuSeconds);
        Assert.Equal(98_765, info.NetInputBytes);
        Assert.True(info.AofEnabled);
        Assert.Equal(123_456, info.AofCurrentSize);
        Assert.Equal(2, info.AofRewrites);
        Assert.Equal(917_120, info.UsedMemoryBytes);
    }

    [Fact]
    public void A_field_the_server_did_not_report_is_null()
    {
        var info = RedisInfo.Parse("# CPU\nused_cpu_user:2.5\n# Persistence\naof_enabled:0\n");

        Assert.Null(info.CpuSeconds);
        Assert.Null(info.NetInputBytes);
        Assert.False(info.AofEnabled);
        Assert.Null(info.AofCurrentSize);
        Assert.Null(info.UsedMemoryBytes);
    }
}
