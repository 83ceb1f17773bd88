namespace Conversations.Abstractions.Meta;

/// <summary>How metrics spell an error class: a closed set of lower-case names, with no allocation per use.</summary>
public static class MetaErrorClassNames
{
    public static string Of(MetaErrorClass? errorClass) => errorClass switch
    {
        null => "accepted",
        MetaErrorClass.Transient => "transient",
        MetaErrorClass.RateLimited => "rate_limited",
        MetaErrorClass.Permanent => "permanent",
        MetaErrorClass.OutcomeUnknown => "outcome_unknown",
        _ => "unknown",
    };
}
