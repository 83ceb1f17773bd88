using Conversations.Meta.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Settings as inside the api: Conversations:Meta:Simulator:* and Conversations:Webhooks:AppSecret, from appsettings.json,
// the environment (Conversations__Meta__Simulator__Url) or the command line (--Conversations:Meta:Simulator:Url=...).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddMetaSimulator(builder.Configuration);
using var host = builder.Build();
await host.StartAsync();

// Inside the api a simulator that cannot listen only logs, so the api still starts; here it is the whole process.
if (host.Services.GetRequiredService<MetaSimulatorService>().Simulator is null)
{
    await host.StopAsync();
    return 1;
}

await host.WaitForShutdownAsync();
return 0;
