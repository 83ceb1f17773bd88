namespace Conversations.Abstractions.Refusals;

/// <summary>
/// Why a request was refused. The numeric values are persisted and travel between silos: never renumber.
/// The gRPC status code and WhatsApp code of each reason are mapped in one place, in the api.
/// </summary>
[GenerateSerializer]
[Alias("refusal-reason")]
public enum RefusalReason
{
    MissingField = 1,
    FieldTooLong = 2,
    InvalidCustomer = 3,
    InvalidBusinessNumberId = 4,
    InvalidWabaId = 5,
    InvalidMessageType = 6,
    InvalidTimestamp = 7,
    UnknownBusinessNumber = 8,
    BusinessNumberConflict = 9,
    WindowClosed = 10,
    TextTooLong = 11,
    TemplateNotFound = 12,
    TemplateNotApproved = 13,
    TemplateParameterMismatch = 14,
    TemplateInvalid = 15,
    IdempotencyConflict = 16,

    /// <summary>A field breaks a rule other than presence or length; metadata names the field and the rule.</summary>
    InvalidField = 17,

    /// <summary>A list has more items than WhatsApp allows; metadata names the field and the limit.</summary>
    TooManyItems = 18,
    TemplatePaused = 19,
    TemplateDisabled = 20,
    TemplateParameterFormat = 21,
    TemplateTextTooLong = 22,
    ScheduledSendNotFound = 23,
    TooManyScheduledSends = 24,
    NotCancellable = 25,

    /// <summary>Meta refused the message for good; metadata whatsapp_code carries Meta's code.</summary>
    MetaRejected = 26,

    /// <summary>Meta throttled the message (130429, 131056); retry later with the same idempotency key.</summary>
    MetaRateLimited = 27,

    /// <summary>Meta kept failing transiently after our retries; retry later with the same idempotency key.</summary>
    MetaUnavailable = 28,

    /// <summary>The call to Meta may or may not have gone through; never resent automatically.</summary>
    MetaOutcomeUnknown = 29,
    MarketingOptedOut = 30,
    MarketingSuppressed = 31,
    MarketingRegionBlocked = 32,
    PairRateLimited = 33,


    /// <summary>The portfolio reached its tier of unique customers for business-initiated messages in the moving 24 h.</summary>
    MessagingLimitReached = 34,

    /// <summary>The business number's outbound queue is full at its messages-per-second; retry after the given time.</summary>
    ThroughputLimited = 35,

    // The caller's identity, decided by the api before any grain is touched. Numbered apart from the domain's reasons
    // so that reasons added beside them elsewhere never take the same number.

    /// <summary>The call carries no bearer token.</summary>
    TokenMissing = 100,

    /// <summary>The bearer token is malformed, expired, or not signed, issued or addressed as configured.</summary>
    TokenInvalid = 101,

    /// <summary>The token lacks the scope the call needs; metadata scope names it.</summary>
    ScopeMissing = 102,

    /// <summary>The WABA (or the business number's WABA) is not one the token acts for.</summary>
    WabaNotAllowed = 103,

    /// <summary>The business portfolio is not one the token acts for.</summary>
    PortfolioNotAllowed = 104,

    /// <summary>The client certificate (mTLS) is not listed, expired, not for client authentication, or its chain is not trusted.</summary>
    CertificateInvalid = 105,

    // Customers known by a business-scoped user id (BSUID).

    /// <summary>The message needs a phone number and the customer is known only by a BSUID (Meta's 131062: authentication templates).</summary>
    UserIdRecipientUnsupported = 106,

    /// <summary>The request names a phone number and a BSUID that the directory knows as two different customers.</summary>
    CustomerIdsDisagree = 107,

    // Read receipts and typing indicators (MarkRead), numbered apart for the same reason.

    /// <summary>The wamid is one of the business's own messages to the customer: only the customer's messages can be marked read.</summary>
    MessageNotInbound = 120,

    /// <summary>The conversation recorded no inbound message with this wamid (another customer's, or never recorded).</summary>
    MessageNotFound = 121,

    /// <summary>The customer's message is older than Meta lets a business mark read (30 days); metadata received_at and limit.</summary>
    MessageTooOldToMarkRead = 122,

    // Quotas of a tenant and rate limits of a caller, numbered apart for the same reason.

    /// <summary>The WABA already has as many business numbers as it may; metadata waba_id and limit.</summary>
    NumberQuotaExceeded = 200,

    /// <summary>The WABA opened as many new conversations as it may in a minute; metadata waba_id, limit and retry_after.</summary>
    ConversationQuotaExceeded = 201,

    /// <summary>The caller made more calls than its rate allows; metadata retry_after.</summary>
    RateLimited = 202,

    // Bounds on what one call may hold of the api's streams, numbered apart as the caller's identity is.

    /// <summary>The caller, or this api process, already holds as many streams of the RPC as allowed; metadata names the cap and its limit.</summary>
    StreamsExhausted = 210,

    /// <summary>A Subscribe's after_position is further behind the latest position than one replay may go; metadata says where to resume.</summary>
    ReplayTooLarge = 211,

    // What Meta's account signals (account_update, phone_number_quality_update) say about the WABA and the number,
    // numbered apart so that reasons added beside them elsewhere never take the same number.

    /// <summary>Meta restricted the WABA's messaging of this kind; metadata restriction_type and expires_at (empty: until Meta lifts it).</summary>
    AccountRestricted = 300,

    /// <summary>Meta disabled the WABA (account_update DISABLED_UPDATE); metadata ban_state and ban_date.</summary>
    AccountBanned = 301,

    /// <summary>The number's quality is low and the quality guard pauses marketing on it; metadata quality_rating.</summary>
    QualityGuardPaused = 302,

    /// <summary>The number's quality is low and the quality guard slows marketing on it; metadata quality_rating, per_second and retry_after.</summary>
    QualityGuardSlowed = 303,
}
