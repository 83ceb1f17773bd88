using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Conversations.Hosting.Telemetry;

/// <summary>
/// The Orleans Dashboard: grain activations, calls and reminders per silo, in a browser. It profiles every grain call,
/// so it runs only where asked for: in the Development environment, or with <see cref="Setting"/> true (on every silo
/// and on the api that serves it, since a client shows what its silos collect).
/// </summary>
public static class OperatorDashboard
{
    public const string Setting = "Conversations:Dashboard:Enabled";

    public const string Path = "/dashboard";

    public static bool Enabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(Setting) ?? environment.IsDevelopment();
}
