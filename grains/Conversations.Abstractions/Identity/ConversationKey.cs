using Conversations.Abstractions.Refusals;

namespace Conversations.Abstractions.Identity;

/// <summary>
/// The key of a ConversationGrain: "{business number id}/{customer}", the customer being a wa_id (digits) or, for a
/// customer whose BSUID arrived before any phone number, the BSUID (<see cref="CustomerUserId"/>: letters, digits and
/// one dot). Neither part has a '/', so the separator can never be ambiguous. Callers' numbers are checked strictly
/// (<see cref="Create"/>); ids Meta delivered only for their shape (<see cref="FromMeta"/>), since Meta, not our phone
/// library, knows who wrote. This string is part of every stored key: never change its format.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("conversation-key")]
public sealed record ConversationKey([property: Id(0)] string BusinessNumberId, [property: Id(1)] string Customer)
{
    public static Result<ConversationKey> Create(string? businessNumberId, string? customer) =>
        Of(businessNumberId, IsUserId(customer) ? CustomerUserId.Parse(customer, "customer") : CustomerNumber.Normalize(customer));

    /// <summary>The key of a conversation Meta reported on: a wa_id only has to be E.164-shaped.</summary>
    public static Result<ConversationKey> FromMeta(string? businessNumberId, string? customer) =>
        Of(businessNumberId, IsUserId(customer) ? CustomerUserId.Parse(customer, "customer") : CustomerNumber.FromMeta(customer));

    /// <summary>Whether the customer part is a BSUID rather than a wa_id.</summary>
    public bool IsUserId() => CustomerUserId.Is(Customer);

    /// <summary>A wa_id never holds a dot; a BSUID always does.</summary>
    private static bool IsUserId(string? customer) => customer is not null && customer.Contains('.');

    private static Result<ConversationKey> Of(string? businessNumberId, Result<string> waId)
    {
        var number = MetaId.BusinessNumberId(businessNumberId);
        if (!number.Succeeded)
        {
            return number.Refusal;
        }

        if (!waId.Succeeded)
        {
            return waId.Refusal;
        }

        return Result<ConversationKey>.Ok(new ConversationKey(number.Value, waId.Value));
    }

    /// <summary>
    /// The key a grain was addressed by, refused unless both parts are valid and already normalized: a conversation has
    /// exactly one grain, so "+1 650..." and "1650..." must not become two.
    /// </summary>
    public static Result<ConversationKey> FromGrainKey(string grainKey)
    {
        var slash = grainKey.IndexOf('/');
        var valid = slash > 0 ? FromMeta(grainKey[..slash], grainKey[(slash + 1)..]) : FromMeta(grainKey, null);
        if (!valid.Succeeded)
        {
            return valid.Refusal;
        }

        return valid.Value.ToString() == grainKey
            ? valid
            : Refusal.Of(
                RefusalReason.InvalidCustomer,
                $"Conversation key '{grainKey}' is not normalized; address conversations as '{valid.Value}'.",
                ("field", "customer"));
    }

    public static ConversationKey Parse(string grainKey)
    {
        var (businessNumberId, customer) = GrainKeyParts.Split(grainKey, "conversation");
        return new ConversationKey(businessNumberId, customer);
    }

    public override string ToString() => $"{BusinessNumberId}/{Customer}";
}
