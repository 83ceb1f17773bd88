using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Tests;

public sealed class CpuPerOperationTests
{
    [Theory]
    [InlineData(0.5, 1_000, 500.0)]
    [InlineData(1.2, 1_000_000, 1.2)]
    [InlineData(0.0, 10, 0.0)]
    public void Cpu_per_operation_is_cpu_seconds_over_operations_in_microseconds(double cpuSeconds, long operations, double microseconds) =>
        Assert.Equal(microseconds, CpuPerOperation.Microseconds(cpuSeconds, operations));

    [Fact]
    public void Without_an_ok_operation_there_is_no_cpu_per_operation() =>
        Assert.Null(CpuPerOperation.Microseconds(3.0, 0));

    [Fact]
    public void Without_the_servers_pid_there_is_no_cpu_per_operation() =>
        Assert.Null(CpuPerOperation.Microseconds(null, 1_000));

    [Fact]
    public void A_webhook_post_is_charged_per_post_and_per_message()
    {
        var webhooks = Results.Measured("webhooks", okOperations: 200, seconds: 1, serverCpuSeconds: 1.0, itemsPerOperation: 100);

        Assert.Equal(5_000.0, webhooks.ServerCpuMicrosecondsPerOkOperation);
        Assert.Equal(50.0, webhooks.ServerCpuMicrosecondsPerOkItem);
    }
}
