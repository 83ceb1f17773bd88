using Conversations.Hosting;
using Conversations.Hosting.Health;
using Conversations.Hosting.Telemetry;

// A silo only: grains, storage and reminders, no gRPC. Redis comes from ConnectionStrings__Redis.
var builder = WebApplication.CreateBuilder(args);
builder.AddConversationsCluster();
// No /metrics unless Conversations:Telemetry:Prometheus says so: a silo authenticates nobody; its metrics go over OTLP.
builder.AddConversationsTelemetry("conversations-silo", prometheusByDefault: false);
builder.Services.AddHealthChecks().AddConversationsReadiness(builder.Configuration);

var app = builder.Build();
app.MapConversationsHealth();
app.MapConversationsMetrics();
app.Run();
