namespace Conversations.Cli;

/// <summary>What a script can switch on; 1 is also what System.CommandLine returns for a usage error.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int UsageError = 1;

    /// <summary>The server answered with an error status, usually a refusal carrying google.rpc.ErrorInfo.</summary>
    public const int Refused = 2;

    /// <summary>No answer from the server: connection refused, unavailable without details, or deadline exceeded.</summary>
    public const int Unreachable = 3;
}
