using Conversations.LoadTest;

return await LoadTestCommandLine.RunAsync(args);
