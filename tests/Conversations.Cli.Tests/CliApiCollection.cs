using Conversations.Api.Tests;

namespace Conversations.Cli.Tests;

/// <summary>One api host for every round-trip test: starting its silo costs seconds, a CLI run milliseconds.</summary>
[CollectionDefinition(Name)]
public sealed class CliApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "cli-api";
}
