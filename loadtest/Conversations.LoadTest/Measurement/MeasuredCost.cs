namespace Conversations.LoadTest.Measurement;

/// <summary>The server's CPU over a measurement, and its Redis's when the run was given one.</summary>
public sealed record MeasuredCost(CpuUsage Cpu, RedisUsage? Redis);
