namespace Conversations.Api.Errors;

public static class ErrorDomain
{
    /// <summary>google.rpc.ErrorInfo.domain of every error this service returns.</summary>
    public const string Name = "conversations.v1";
}
