using Conversations.Hosting;

// A silo only: grains, storage and reminders, no gRPC. Redis comes from ConnectionStrings__Redis.
var builder = WebApplication.CreateBuilder(args);
builder.AddConversationsCluster();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.Run();
