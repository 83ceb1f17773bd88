namespace Conversations.Abstractions.Identity;

/// <summary>
/// One customer of a business portfolio as the identity directory knows them: a phone number (wa_id), a BSUID, or both.
/// <see cref="Canonical"/> is the id their conversations are keyed by: whichever of the two arrived first, so a
/// conversation never moves once it holds anything.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("customer-identity")]
public sealed record CustomerIdentity(
    [property: Id(0)] string Canonical,
    [property: Id(1)] string? Phone,
    [property: Id(2)] string? UserId)
{
    /// <summary>A customer named by one id only: that id is canonical.</summary>
    public static CustomerIdentity Of(string customer) => Of(customer, null);

    /// <summary>A conversation's customer: the id it is keyed by and the other id (<paramref name="linked"/>) when it knows one.</summary>
    public static CustomerIdentity Of(string customer, string? linked) =>
        CustomerUserId.Is(customer) ? new(customer, linked, customer) : new(customer, customer, linked);
}
