namespace Conversations.Abstractions.Meta;

/// <summary>Meta's answer to a call other than a send: what it returned, or its error and what that means.</summary>
public sealed record MetaAnswer<T>(T? Value, MetaError? Error, MetaErrorClass? ErrorClass)
{
    public bool Succeeded => Error is null;

    public static MetaAnswer<T> Ok(T value) => new(value, null, null);

    public static MetaAnswer<T> Failed(MetaErrorClass errorClass, MetaError error) => new(default, error, errorClass);
}
