using Conversations.Hosting.Telemetry;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Conversations.Hosting;

public static class ConversationsHost
{
    /// <summary>Joins this process to the conversation cluster as a silo or as a client, as configured.</summary>
    public static IHostApplicationBuilder AddConversationsCluster(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Grain calls carry the caller's trace context only while traces are on: the filters cost a little on every call.
        var traces = TelemetrySettings.Read(configuration).Traces;
        var dashboard = OperatorDashboard.Enabled(configuration, builder.Environment);
        if (HostingSettings.Read(configuration).Mode == HostingMode.Client)
        {
            builder.UseOrleansClient(client =>
            {
                client.ConfigureConversationsClient(configuration);
                if (traces)
                {
                    client.AddActivityPropagation();
                }

                if (dashboard)
                {
                    client.AddDashboard();
                }
            });
        }
        else
        {
            builder.UseOrleans(silo =>
            {
                silo.ConfigureConversationsSilo(configuration);
                if (traces)
                {
                    silo.AddActivityPropagation();
                }

                if (dashboard)
                {
                    // Its live log stream would show every line to whoever may see the dashboard; outside development it is off.
                    silo.AddDashboard(o => o.HideTrace = !builder.Environment.IsDevelopment());
                }
            });
        }

        return builder;
    }
}
