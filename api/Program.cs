using Conversations.Api;
using Conversations.Hosting;
using Conversations.Hosting.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddConversationsCluster();
builder.AddConversationsTelemetry("conversations-api", prometheusByDefault: true);
builder.AddLocalMetaSimulator();
builder.Services.AddConversationsApi(builder.Configuration);

var app = builder.Build();
app.MapConversationsApi();
app.Run();

/// <summary>Visible to the in-memory test server.</summary>
public partial class Program;
