using Grpc.Core;
using Grpc.Net.Client;

namespace Conversations.Cli;

/// <summary>What a command needs to make its one call: the channel, the call options and where to print.</summary>
public sealed record ServerCall(GrpcChannel Channel, CallOptions Options, TextWriter Output);
