using Conversations.Abstractions.BusinessNumbers;

namespace Conversations.Api.Webhooks.Events;

/// <summary>
/// A "phone_number_quality_update": the number (by display number) was flagged or unflagged (<see cref="Quality"/>, null
/// when the event says nothing of quality), and the portfolio's messaging limit if the payload carries one.
/// </summary>
public sealed record NumberQualityChanged(string? WabaId, string DisplayPhoneNumber, QualityRating? Quality, string? MessagingLimit)
    : AccountEvent(WabaId)
{
    public override string Kind => "number_quality";
}
