using System.Diagnostics.CodeAnalysis;

namespace Conversations.Abstractions.Refusals;

/// <summary>Either a value or the refusal that prevented it; refusals are expected outcomes, not exceptions.</summary>
[GenerateSerializer, Immutable]
[Alias("result`1")]
public sealed record Result<T>([property: Id(0)] T? Value, [property: Id(1)] Refusal? Refusal)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static implicit operator Result<T>(Refusal refusal) => new(default, refusal);
}
