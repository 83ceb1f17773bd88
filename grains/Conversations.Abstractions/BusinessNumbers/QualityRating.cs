namespace Conversations.Abstractions.BusinessNumbers;

/// <summary>Meta's quality rating of a business number, from seven days of customer feedback. Persisted: never renumber.</summary>
[GenerateSerializer]
[Alias("quality-rating")]
public enum QualityRating
{
    Unknown = 0,
    Green = 1,
    Yellow = 2,
    Red = 3,

    /// <summary>Meta flagged the number (phone_number_quality_update FLAGGED): quality is low and its limit may drop.</summary>
    Flagged = 4,
}
