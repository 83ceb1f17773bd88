namespace Conversations.Api.Webhooks;

/// <summary>A part of a webhook that changes nothing here: counted by <see cref="Reason"/>, logged with <see cref="Detail"/>.</summary>
public sealed record IgnoredEvent(string Reason, string Detail)
{
    public const string UnknownObject = "unknown_object";
    public const string UnknownField = "unknown_field";

    /// <summary>A "system" message: Meta's notice of a changed number or user id, not something the customer wrote.</summary>
    public const string SystemMessage = "system_message";

    /// <summary>A call event that is not a customer calling: its end, or a call the business placed.</summary>
    public const string CallEvent = "call_event";
    public const string UnknownStatus = "unknown_status";
    public const string UnknownTemplateEvent = "unknown_template_event";
    public const string UnknownCategory = "unknown_category";
    public const string UnknownQuality = "unknown_quality";
    public const string UnknownPreference = "unknown_preference";

    /// <summary>An account signal this service does not act on: an account_update event, a quality event, a ban state.</summary>
    public const string UnknownAccountEvent = "unknown_account_event";

    /// <summary>A messaging limit that is none of Meta's tiers here (TIER_50, NOT_SET, a typo).</summary>
    public const string UnknownMessagingLimit = "unknown_messaging_limit";

    /// <summary>A status for a wamid the conversation never sent (e.g. sent from another tool on the same number).</summary>
    public const string UnknownMessage = "unknown_message";

    /// <summary>Valid JSON in an unexpected shape: a missing id or timestamp, a string where an array belongs.</summary>
    public const string Malformed = "malformed_event";
}
