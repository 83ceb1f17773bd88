namespace Conversations.LoadTest.Measurement;

/// <summary>
/// Where the machine's CPU went during a measurement, in cores: the load tester, the api (when its pid was given),
/// and the whole machine's busy share from /proc/stat (Linux). What is left over ran in other processes: on a shared
/// machine, that is the noise in the numbers.
/// </summary>
public sealed record CpuUsage(double LoadTesterCores, double? ServerCores, double? MachineBusyShare, double? OtherCores = null);
