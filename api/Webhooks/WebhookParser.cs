using System.Globalization;
using System.Text.Json;
using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Templates;
using Conversations.Api.Webhooks.Events;

namespace Conversations.Api.Webhooks;

/// <summary>
/// Reads Meta's webhook envelope (object, entry[], changes[]{field, value}) into events. Only the body itself must be a
/// JSON object: whatever Meta adds or reshapes below it is reported as ignored rather than refused, because a refusal
/// would only make Meta redeliver the same payload for seven days.
/// </summary>
public sealed class WebhookParser
{
    public const string BusinessAccountObject = "whatsapp_business_account";

    // Unix seconds of 9999-12-31T23:59:59Z, the last instant DateTimeOffset holds.
    private const long MaxUnixSeconds = 253_402_300_799;

    private readonly List<WebhookEvent> _events = [];
    private readonly List<IgnoredEvent> _ignored = [];

    /// <summary>The current entry's time: when Meta says it reported the entry's changes, null without a unix time.</summary>
    private DateTimeOffset? _entryTime;

    private WebhookParser()
    {
    }

    /// <summary>The batch, or null when the body is not JSON or not a JSON object.</summary>
    public static WebhookBatch? Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var parser = new WebhookParser();
            parser.Envelope(document.RootElement);
            return new WebhookBatch(parser._events, parser._ignored);
        }
    }

    private void Envelope(JsonElement root)
    {
        var kind = StringOf(root, "object");
        if (kind != BusinessAccountObject)
        {
            Ignore(IgnoredEvent.UnknownObject, $"object '{kind}'");
            return;
        }

        foreach (var entry in ArrayOf(root, "entry"))
        {
            var wabaId = StringOf(entry, "id");
            _entryTime = Timestamp(entry, "time", out var reportedAt) ? reportedAt : null;
            foreach (var change in ArrayOf(entry, "changes"))
            {
                Change(wabaId, change);
            }
        }
    }

    private void Change(string? wabaId, JsonElement change)
    {
        var field = StringOf(change, "field");
        if (ObjectOf(change, "value") is not { } value)
        {
            Ignore(IgnoredEvent.Malformed, $"change '{field}' without a value object");
            return;
        }

        switch (field)
        {
            case "messages":
                Messages(value);
                break;
            case "message_template_status_update":
                TemplateStatusUpdate(wabaId, value);
                break;
            case "template_category_update":
                TemplateCategoryUpdate(wabaId, value);
                break;
            case "message_template_quality_update":
                TemplateQualityUpdate(wabaId, value);
                break;
            case "user_preferences":
                UserPreferences(value);
                break;
            case "calls":
                Calls(value);
                break;
            case "phone_number_quality_update":
                PhoneNumberQualityUpdate(wabaId, value);
                break;
            case "business_capability_update":
                BusinessCapabilityUpdate(wabaId, value);
                break;
            case "account_update":
                AccountUpdate(wabaId, value);
                break;
            default:
                Ignore(IgnoredEvent.UnknownField, $"field '{field}'");
                break;
        }
    }

    private void Messages(JsonElement value)
    {
        var businessNumberId = BusinessNumberId(value);
        var userIds = UserIds(value);
        foreach (var message in ArrayOf(value, "messages"))
        {
            Inbound(businessNumberId, message, userIds);
        }

        foreach (var status in ArrayOf(value, "statuses"))
        {
            Status(businessNumberId, status);
        }
    }

    private void Inbound(string? businessNumberId, JsonElement message, ContactIds userIds)
    {
        var typeName = StringOf(message, "type");
        if (typeName == "system")
        {
            // Meta's notice that the customer changed number or id: nothing the customer wrote.
            Ignore(IgnoredEvent.SystemMessage, "system message");
            return;
        }

        if (typeName is null || StringOf(message, "id") is not { } wamid || !Timestamp(message, "timestamp", out var sentAt))
        {
            Ignore(IgnoredEvent.Malformed, $"{typeName} message without a type, an id or a unix timestamp");
            return;
        }

        // Whatever the customer sent opens the window, "unsupported" and types newer than this code included.
        var type = InboundMessageTypes.Parse(typeName) is { Succeeded: true } known ? known.Value : InboundMessageType.Unsupported;
        var from = StringOf(message, "from");
        var inbound = new InboundMessage(wamid, sentAt, type, TextOf(message, typeName))
        {
            ReferralSourceType = ObjectOf(message, "referral") is { } referral ? StringOf(referral, "source_type") ?? "unknown" : null,
        };
        AddInbound(businessNumberId, from, inbound, message, userIds);
    }

    /// <summary>
    /// A customer's message or call, named by phone number (from), by business-scoped user id (from_user_id, or the
    /// contact's user_id), or both: a username user has no from at all, and is recorded all the same.
    /// </summary>
    private void AddInbound(string? businessNumberId, string? from, InboundMessage inbound, JsonElement raw, ContactIds contacts)
    {
        var userId = StringOf(raw, "from_user_id") ?? contacts.UserIdOf(from);
        // The phone number rides along only with a BSUID: a conversation keyed by the BSUID learns it from there.
        _events.Add(new InboundMessageReceived(businessNumberId, from, inbound with { UserId = userId, Phone = userId is null ? null : from })
        {
            CustomerUserId = userId,
            Raw = raw.GetRawText(),
        });
    }

    /// <summary>
    /// A "calls" change: a customer calling the business opens the window as a message does (Meta: whether or not the
    /// call is answered), so its connect is recorded as an inbound call. Its terminate, and calls the business placed, are not.
    /// </summary>
    private void Calls(JsonElement value)
    {
        var businessNumberId = BusinessNumberId(value);
        var userIds = UserIds(value);
        foreach (var call in ArrayOf(value, "calls"))
        {
            var name = StringOf(call, "event");
            var direction = StringOf(call, "direction");
            if (name != "connect" || direction != "USER_INITIATED")
            {
                Ignore(IgnoredEvent.CallEvent, $"call '{name}' ({direction})");
                continue;
            }

            if (StringOf(call, "id") is not { } callId || !Timestamp(call, "timestamp", out var at))
            {
                Ignore(IgnoredEvent.Malformed, "call without an id or a unix timestamp");
                continue;
            }

            var from = StringOf(call, "from");
            AddInbound(businessNumberId, from, new InboundMessage(callId, at, InboundMessageType.Call, null), call, userIds);
        }
    }

    /// <summary>contacts[]: each wa_id's business-scoped user id, and the user id of a change whose only contact has no wa_id.</summary>
    private ContactIds UserIds(JsonElement value)
    {
        var userIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var contacts = ArrayOf(value, "contacts").ToList();
        foreach (var contact in contacts)
        {
            if (StringOf(contact, "wa_id") is { } waId && StringOf(contact, "user_id") is { Length: > 0 } userId)
            {
                userIds[waId] = userId;
            }
        }

        var sole = contacts is [var only] && StringOf(only, "wa_id") is null ? StringOf(only, "user_id") : null;
        return new ContactIds(userIds, sole);
    }

    /// <summary>The BSUIDs a change's contacts[] names: per wa_id, and the one of a username user (no wa_id) when it is the only contact.</summary>
    private sealed record ContactIds(Dictionary<string, string> ByPhone, string? WithoutPhone)
    {
        public string? UserIdOf(string? from) =>
            from is null ? WithoutPhone : ByPhone.TryGetValue(from, out var userId) ? userId : null;
    }

    private void Status(string? businessNumberId, JsonElement status)
    {
        var name = StringOf(status, "status");
        MessageStatus? parsed = name switch
        {
            "sent" => MessageStatus.Sent,
            "delivered" => MessageStatus.Delivered,
            "read" => MessageStatus.Read,
            "failed" => MessageStatus.Failed,
            _ => null,
        };
        if (parsed is not { } value)
        {
            // "played" (voice messages), "deleted", "warning" and anything newer: nothing the message log tracks.
            Ignore(IgnoredEvent.UnknownStatus, $"status '{name}'");
            return;
        }

        if (StringOf(status, "id") is not { } wamid || !Timestamp(status, "timestamp", out var at))
        {
            Ignore(IgnoredEvent.Malformed, $"{name} status without an id or a unix timestamp");
            return;
        }

        if (StringOf(status, "recipient_type") == "group")
        {
            _events.Add(new UnappliedEvent(businessNumberId, MessageStatusReported.EventKind, UnappliedEvent.GroupRecipient, $"{name} status of {wamid}") { Raw = status.GetRawText() });
            return;
        }

        // recipient_id is left out for a message sent to a BSUID; recipient_user_id names it then.
        var update = new StatusUpdate(wamid, value, at, ErrorOf(status), PricingOf(status));
        _events.Add(new MessageStatusReported(businessNumberId, StringOf(status, "recipient_id"), update)
        {
            CustomerUserId = StringOf(status, "recipient_user_id"),
            Raw = status.GetRawText(),
        });
    }

    private void TemplateStatusUpdate(string? wabaId, JsonElement value)
    {
        var name = StringOf(value, "event");
        if (!MetaEnumNames.TryParse<TemplateStatus>(name, out var status))
        {
            Ignore(IgnoredEvent.UnknownTemplateEvent, $"template event '{name}'");
            return;
        }

        _events.Add(new TemplateStatusChanged(wabaId, TemplateName(value), TemplateLanguage(value), status) { Raw = value.GetRawText() });
    }

    private void TemplateCategoryUpdate(string? wabaId, JsonElement value)
    {
        var name = StringOf(value, "new_category");
        if (!MetaEnumNames.TryParse<TemplateCategory>(name, out var category))
        {
            Ignore(IgnoredEvent.UnknownCategory, $"template category '{name}'");
            return;
        }

        _events.Add(new TemplateCategoryChanged(wabaId, TemplateName(value), TemplateLanguage(value), category) { Raw = value.GetRawText() });
    }

    private void TemplateQualityUpdate(string? wabaId, JsonElement value)
    {
        var name = StringOf(value, "new_quality_score");
        if (!MetaEnumNames.TryParse<TemplateQuality>(name, out var quality))
        {
            Ignore(IgnoredEvent.UnknownQuality, $"template quality '{name}'");
            return;
        }

        _events.Add(new TemplateQualityChanged(wabaId, TemplateName(value), TemplateLanguage(value), quality) { Raw = value.GetRawText() });
    }

    private void UserPreferences(JsonElement value)
    {
        var businessNumberId = BusinessNumberId(value);
        foreach (var preference in ArrayOf(value, "user_preferences"))
        {
            var category = StringOf(preference, "category");
            var choice = StringOf(preference, "value");
            bool? optedOut = choice switch
            {
                "stop" => true,
                "resume" => false,
                _ => null,
            };
            if (category != "marketing_messages" || optedOut is null)
            {
                Ignore(IgnoredEvent.UnknownPreference, $"preference '{category}' = '{choice}'");
                continue;
            }

            if (!Timestamp(preference, "timestamp", out var at))
            {
                Ignore(IgnoredEvent.Malformed, "user preference without a unix timestamp");
                continue;
            }

            _events.Add(new MarketingPreferenceChanged(businessNumberId, StringOf(preference, "wa_id"), optedOut.Value, at)
            {
                CustomerUserId = StringOf(preference, "user_id"),
                Raw = preference.GetRawText(),
            });
        }
    }

    /// <summary>
    /// FLAGGED and UNFLAGGED change the number's quality: Meta's payload carries no rating, and an unflagged number is at
    /// least medium again, so it is YELLOW until an operator says GREEN. Every event may carry the portfolio's limit.
    /// </summary>
    private void PhoneNumberQualityUpdate(string? wabaId, JsonElement value)
    {
        if (StringOf(value, "display_phone_number") is not { Length: > 0 } display)
        {
            Ignore(IgnoredEvent.Malformed, "phone_number_quality_update without a display_phone_number");
            return;
        }

        var name = StringOf(value, "event");
        QualityRating? quality = name switch
        {
            "FLAGGED" => QualityRating.Flagged,
            "UNFLAGGED" => QualityRating.Yellow,
            _ => null,
        };
        var limit = MessagingLimitOf(value, "max_daily_conversations_per_business") ?? MessagingLimitOf(value, "current_limit");
        if (quality is null && limit is null)
        {
            Ignore(IgnoredEvent.UnknownAccountEvent, $"phone_number_quality_update '{name}' without a quality or messaging limit");
            return;
        }

        _events.Add(new NumberQualityChanged(wabaId, display, quality, limit));
    }

    private void BusinessCapabilityUpdate(string? wabaId, JsonElement value)
    {
        if (StringOf(value, "max_daily_conversations_per_business") is null)
        {
            Ignore(IgnoredEvent.UnknownMessagingLimit, "business_capability_update without max_daily_conversations_per_business");
        }
        else if (MessagingLimitOf(value, "max_daily_conversations_per_business") is { } limit)
        {
            _events.Add(new MessagingLimitChanged(wabaId, limit));
        }
    }

    /// <summary>Restrictions and bans change what may be sent; every other account_update event is counted and left.</summary>
    private void AccountUpdate(string? wabaId, JsonElement value)
    {
        var name = StringOf(value, "event");
        switch (name)
        {
            case "ACCOUNT_RESTRICTION" when value.TryGetProperty("restriction_info", out var info) && info.ValueKind == JsonValueKind.Array:
                var restrictions = new List<AccountRestriction>();
                foreach (var item in ArrayOf(value, "restriction_info"))
                {
                    if (StringOf(item, "restriction_type") is not { Length: > 0 } type)
                    {
                        Ignore(IgnoredEvent.Malformed, "restriction_info item without a restriction_type");
                        continue;
                    }

                    // An expiration that is not a unix time leaves the restriction in force until Meta lifts it: the safe side.
                    restrictions.Add(new AccountRestriction(type, Timestamp(item, "expiration", out var expires) ? expires : null));
                }

                _events.Add(new AccountRestrictionsChanged(wabaId, [.. restrictions], _entryTime));
                break;
            case "ACCOUNT_RESTRICTION":
                Ignore(IgnoredEvent.Malformed, "ACCOUNT_RESTRICTION without a restriction_info array");
                break;
            case "DISABLED_UPDATE":
                var ban = ObjectOf(value, "ban_info") is { } banInfo ? banInfo : default;
                var state = StringOf(ban, "waba_ban_state");
                WabaBanState? parsed = state switch
                {
                    "DISABLE" => WabaBanState.Disable,
                    "SCHEDULE_FOR_DISABLE" => WabaBanState.ScheduleForDisable,
                    "REINSTATE" => WabaBanState.None,
                    _ => null,
                };
                if (parsed is not { } banState)
                {
                    Ignore(IgnoredEvent.UnknownAccountEvent, $"waba_ban_state '{state}'");
                    break;
                }

                _events.Add(new AccountBanChanged(wabaId, banState, BanDate(StringOf(ban, "waba_ban_date")), _entryTime));
                break;
            default:
                Ignore(IgnoredEvent.UnknownAccountEvent, $"account_update '{name}'");
                break;
        }
    }

    /// <summary>
    /// A messaging limit as Meta writes it (10000, -1 for unlimited, "TIER_10K", "TIER_UNLIMITED", "UNLIMITED") in the
    /// domain's spelling; null, and counted, when it is present but none of the tiers; null when absent.
    /// </summary>
    private string? MessagingLimitOf(JsonElement value, string name)
    {
        if (StringOf(value, name) is not { } text)
        {
            return null;
        }

        var tier = text.Trim().ToUpperInvariant();
        tier = tier.StartsWith("TIER_", StringComparison.Ordinal) ? tier["TIER_".Length..] : tier;
        if (tier == "-1")
        {
            return MessagingLimitTier.UnlimitedName;
        }

        if (MessagingLimitTier.TryParse(tier, out var limit))
        {
            return MessagingLimitTier.Name(limit);
        }

        Ignore(IgnoredEvent.UnknownMessagingLimit, $"{name} '{text}'");
        return null;
    }

    /// <summary>waba_ban_date as unix seconds or an ISO date (Meta shows a date); null when it is neither.</summary>
    private static DateTimeOffset? BanDate(string? text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxUnixSeconds)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
    }

    private void Ignore(string reason, string detail) => _ignored.Add(new IgnoredEvent(reason, detail));

    private static string? BusinessNumberId(JsonElement value) =>
        ObjectOf(value, "metadata") is { } metadata ? StringOf(metadata, "phone_number_id") : null;

    private static string? TemplateName(JsonElement value) => StringOf(value, "message_template_name");

    private static string? TemplateLanguage(JsonElement value) => StringOf(value, "message_template_language");

    /// <summary>The words of a message where it has some: the text, a caption, the title of a tapped reply.</summary>
    private static string? TextOf(JsonElement message, string type)
    {
        if (ObjectOf(message, type) is not { } content)
        {
            return null;
        }

        return type switch
        {
            "text" => StringOf(content, "body"),
            "button" => StringOf(content, "text"),
            "interactive" => (ObjectOf(content, "button_reply") ?? ObjectOf(content, "list_reply")) is { } reply ? StringOf(reply, "title") : null,
            "image" or "video" or "document" => StringOf(content, "caption"),
            "reaction" => StringOf(content, "emoji"),
            _ => null,
        };
    }

    private MetaError? ErrorOf(JsonElement status)
    {
        var error = ArrayOf(status, "errors").Cast<JsonElement?>().FirstOrDefault();
        if (error is not { } e)
        {
            return null;
        }

        var message = StringOf(e, "message");
        var details = ObjectOf(e, "error_data") is { } data ? StringOf(data, "details") : null;
        return new MetaError(Integer(e, "code") ?? 0, StringOf(e, "title") ?? message ?? "", details ?? message);
    }

    private static PricingReport? PricingOf(JsonElement status)
    {
        if (ObjectOf(status, "pricing") is not { } pricing)
        {
            return null;
        }

        var billable = pricing.TryGetProperty("billable", out var b) && b.ValueKind == JsonValueKind.True;
        return new PricingReport(billable, StringOf(pricing, "pricing_model") ?? "", StringOf(pricing, "type") ?? "", StringOf(pricing, "category") ?? "");
    }

    /// <summary>The objects of an array property; a present property of another shape, or a non-object item, is reported.</summary>
    private IEnumerable<JsonElement> ArrayOf(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            Ignore(IgnoredEvent.Malformed, $"'{name}' is not an array");
            return [];
        }

        var items = new List<JsonElement>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                items.Add(item);
            }
            else
            {
                Ignore(IgnoredEvent.Malformed, $"an item of '{name}' is not an object");
            }
        }

        return items;
    }

    private static JsonElement? ObjectOf(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>A string, or a number's digits: Meta sends ids and timestamps as either.</summary>
    private static string? StringOf(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static int? Integer(JsonElement parent, string name) =>
        int.TryParse(StringOf(parent, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool Timestamp(JsonElement parent, string name, out DateTimeOffset at)
    {
        at = default;
        if (!long.TryParse(StringOf(parent, name), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxUnixSeconds)
        {
            return false;
        }

        at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}
