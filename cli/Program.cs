using Conversations.Cli;

return await OperatorCommandLine.RunAsync(args);
