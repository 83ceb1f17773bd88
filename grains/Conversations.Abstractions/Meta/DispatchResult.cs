namespace Conversations.Abstractions.Meta;

/// <summary>Meta's answer to one send: its message id (wamid), or the error and what it means.</summary>
public sealed record DispatchResult(string? Wamid, string? MessageStatus, MetaError? Error, MetaErrorClass? ErrorClass)
{
    public bool Accepted => Wamid is not null;

    public static DispatchResult AcceptedAs(string wamid, string? messageStatus = null) => new(wamid, messageStatus, null, null);

    public static DispatchResult Failed(MetaErrorClass errorClass, MetaError error) => new(null, null, error, errorClass);
}
