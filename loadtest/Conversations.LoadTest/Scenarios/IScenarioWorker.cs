using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Scenarios;

/// <summary>One worker loop's operation. A loop calls it again only after the previous call completed.</summary>
public interface IScenarioWorker
{
    /// <summary>
    /// Runs one operation. A refused gRPC call may simply throw its <see cref="Grpc.Core.RpcException"/>: the runner
    /// records it as an outcome. Null means the scenario has no work left (its customers are used up).
    /// </summary>
    ValueTask<Outcome?> ExecuteAsync(CancellationToken cancellationToken);
}
