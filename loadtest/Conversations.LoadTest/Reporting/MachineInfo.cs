using System.Runtime.InteropServices;

namespace Conversations.LoadTest.Reporting;

/// <summary>The machine the load tester ran on: numbers without it say nothing.</summary>
public sealed record MachineInfo(string Host, int Processors, double MemoryGib, string OperatingSystem, string Runtime, string Gc)
{
    public static MachineInfo Current() => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        PrettyOsName() ?? RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        System.Runtime.GCSettings.IsServerGC ? "server" : "workstation");

    private static string? PrettyOsName()
    {
        try
        {
            return File.ReadLines("/etc/os-release")
                .Where(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                .Select(line => line["PRETTY_NAME=".Length..].Trim('"'))
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
