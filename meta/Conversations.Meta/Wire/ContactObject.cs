using System.Text.Json.Serialization;

namespace Conversations.Meta.Wire;

/// <summary>One card of Meta's contacts message.</summary>
internal sealed record ContactObject(
    ContactName Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ContactPhone>? Phones,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ContactEmail>? Emails);

internal sealed record ContactName(string FormattedName, string FirstName);

internal sealed record ContactPhone(string Phone);

internal sealed record ContactEmail(string Email);
