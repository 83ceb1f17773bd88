namespace Conversations.EndToEnd.Tests;

/// <summary>
/// One api host for every end-to-end class: starting a silo costs seconds, a test here well under one. Tests use their
/// own business numbers and customers, and the simulator's faults are per customer, so they never see each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LoopbackCollection : ICollectionFixture<LoopbackApi>
{
    public const string Name = "loopback";
}
