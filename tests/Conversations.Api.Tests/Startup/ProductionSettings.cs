namespace Conversations.Api.Tests.Startup;

/// <summary>Starts a test host in the Production environment, as `dotnet run` and the containers run the api.</summary>
public static class ProductionSettings
{
    public static Dictionary<string, string> InProduction(IReadOnlyDictionary<string, string> settings) =>
        new(settings) { ["environment"] = "Production" };
}
