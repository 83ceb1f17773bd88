namespace Conversations.Hosting;

public enum HostingMode
{
    /// <summary>This process is a silo: it hosts grains (and, for the api, serves gRPC next to them).</summary>
    Silo,

    /// <summary>This process only calls grains on an external cluster.</summary>
    Client,
}
