using Conversations.Api;
using Conversations.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddConversationsCluster();
builder.AddLocalMetaSimulator();
builder.Services.AddConversationsApi();

var app = builder.Build();
app.MapConversationsApi();
app.Run();

/// <summary>Visible to the in-memory test server.</summary>
public partial class Program;
