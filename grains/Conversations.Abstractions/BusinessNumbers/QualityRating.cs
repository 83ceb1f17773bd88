namespace Conversations.Abstractions.BusinessNumbers;

/// <summary>Meta's quality rating of a business number, from seven days of customer feedback.</summary>
[GenerateSerializer]
[Alias("quality-rating")]
public enum QualityRating
{
    Unknown = 0,
    Green = 1,
    Yellow = 2,
    Red = 3,
}
