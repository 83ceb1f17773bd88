namespace Conversations.LoadTest.Measurement;

/// <summary>
/// Where the machine's CPU went during a measurement, in cores: the load tester, the api (when its pid was given),
/// and the whole machine's busy share from /proc/stat (Linux). What is left over ran in other processes: on a shared
/// machine, that is the noise in the numbers. The server is the process whose pid the scenario measures: the api, or
/// the relay server for the relay scenario.
/// </summary>
public sealed record CpuUsage(double LoadTesterCores, double? ServerCores, double? MachineBusyShare, double? OtherCores = null)
{
    /// <summary>CPU seconds the server used over the measurement, for CPU per operation.</summary>
    public double? ServerCpuSeconds { get; init; }
}
