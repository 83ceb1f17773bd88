namespace Conversations.Meta.Simulator;

/// <summary>One business number as Meta knows it ("Conversations:Meta:Simulator:Numbers:{phone-number-id}").</summary>
public sealed class SimulatedNumberOptions
{
    public string? WabaId { get; set; }

    /// <summary>Messages per second; unset: <see cref="MetaSimulatorOptions.DefaultThroughputPerSecond"/>.</summary>
    public int? ThroughputPerSecond { get; set; }
}
