namespace Conversations.Api.Tests;

/// <summary>
/// The test classes that need no special configuration share one host: starting a silo costs seconds, a test costs
/// milliseconds. They run one after another, so a test that moves the shared clock never surprises another; every
/// test computes its times from the clock's current value and uses its own numbers.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
