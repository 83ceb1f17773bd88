using Conversations.Abstractions.Refusals;

namespace Conversations.Abstractions.Identity;

/// <summary>
/// The ids a request or webhook names a customer by: a phone number (wa_id), a BSUID, or both, each validated. The
/// <c>customer</c> field may carry either id (a BSUID always has a dot); <c>customer_user_id</c> only a BSUID.
/// </summary>
public readonly record struct CustomerIds(string? Phone, string? UserId)
{
    /// <summary>A caller's ids: phone numbers are checked strictly (<see cref="CustomerNumber.Normalize"/>).</summary>
    public static Result<CustomerIds> FromCaller(string? customer, string? customerUserId) =>
        Parse(customer, customerUserId, strict: true);

    /// <summary>Ids Meta delivered, or a read's: a phone number only has to be E.164-shaped (<see cref="CustomerNumber.FromMeta"/>).</summary>
    public static Result<CustomerIds> FromMeta(string? customer, string? customerUserId) =>
        Parse(customer, customerUserId, strict: false);

    private static Result<CustomerIds> Parse(string? customer, string? customerUserId, bool strict)
    {
        string? userId = null;
        if (!string.IsNullOrWhiteSpace(customerUserId))
        {
            var parsed = CustomerUserId.Parse(customerUserId);
            if (!parsed.Succeeded)
            {
                return parsed.Refusal;
            }

            userId = parsed.Value;
        }

        if (string.IsNullOrWhiteSpace(customer))
        {
            return userId is null ? Refusal.MissingField("customer") : Result<CustomerIds>.Ok(new(null, userId));
        }

        if (customer.Contains('.'))
        {
            var asUserId = CustomerUserId.Parse(customer, "customer");
            if (!asUserId.Succeeded)
            {
                return asUserId.Refusal;
            }

            return userId is null || userId == asUserId.Value
                ? Result<CustomerIds>.Ok(new(null, asUserId.Value))
                : FieldRules.Invalid("customer_user_id", "one_customer", "customer and customer_user_id are two different business-scoped user ids.");
        }

        var phone = strict ? CustomerNumber.Normalize(customer) : CustomerNumber.FromMeta(customer);
        return phone.Succeeded ? Result<CustomerIds>.Ok(new(phone.Value, userId)) : phone.Refusal;
    }
}
