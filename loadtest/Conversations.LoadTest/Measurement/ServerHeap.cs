using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// Settles the api's heap from outside, as dotnet-gcdump does: an EventPipe session asking for the GCHeapCollect keyword
/// makes the runtime run a full blocking GC, whose GCHeapStats event then gives the live managed heap. Garbage left
/// over from opening the windows would otherwise be counted as the windows' cost.
/// </summary>
public static class ServerHeap
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(120);

    public static async Task<HeapSnapshot> SettleAsync(int? pid, CancellationToken cancellationToken)
    {
        if (pid is not { } id)
        {
            return new HeapSnapshot(null, null);
        }

        long? heap = null;
        try
        {
            heap = await InducedCollectionAsync(id, cancellationToken);
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or TimeoutException or EndOfStreamException or IOException)
        {
            // Another user's process, or a runtime without diagnostics: report the resident set alone.
        }

        return new HeapSnapshot(heap, ServerMemory.ResidentBytes(id));
    }

    private static async Task<long?> InducedCollectionAsync(int pid, CancellationToken cancellationToken)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        var client = new DiagnosticsClient(pid);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false, circularBufferMB: 64, cancellationToken);
        var heapSize = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var processing = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            var induced = false;
            source.Clr.GCStart += gc => induced |= gc.Reason == GCReason.Induced && gc.Depth == 2;
            source.Clr.GCHeapStats += stats =>
            {
                // Background GCs of the server's own may interleave; only the stats after our full induced one count.
                if (induced)
                {
                    heapSize.TrySetResult(stats.TotalHeapSize);
                }
            };
            source.Process();
        }, CancellationToken.None);

        try
        {
            return await heapSize.Task.WaitAsync(s_limit, cancellationToken);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
