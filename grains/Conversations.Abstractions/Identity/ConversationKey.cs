using Conversations.Abstractions.Refusals;

namespace Conversations.Abstractions.Identity;

/// <summary>
/// The key of a ConversationGrain: "{business number id}/{customer wa_id}". Both parts are validated digits,
/// so the separator can never be ambiguous. This string is part of every stored key: never change its format.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("conversation-key")]
public sealed record ConversationKey([property: Id(0)] string BusinessNumberId, [property: Id(1)] string Customer)
{
    public static Result<ConversationKey> Create(string? businessNumberId, string? customer)
    {
        var number = MetaId.BusinessNumberId(businessNumberId);
        if (!number.Succeeded)
        {
            return number.Refusal;
        }

        var waId = CustomerNumber.Normalize(customer);
        if (!waId.Succeeded)
        {
            return waId.Refusal;
        }

        return Result<ConversationKey>.Ok(new ConversationKey(number.Value, waId.Value));
    }

    public static ConversationKey Parse(string grainKey)
    {
        var slash = grainKey.IndexOf('/');
        if (slash <= 0 || slash == grainKey.Length - 1)
        {
            throw new FormatException($"'{grainKey}' is not a conversation key.");
        }

        return new ConversationKey(grainKey[..slash], grainKey[(slash + 1)..]);
    }

    public override string ToString() => $"{BusinessNumberId}/{Customer}";
}
