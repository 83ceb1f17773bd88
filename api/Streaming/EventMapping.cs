using Conversations.Abstractions.Identity;
using Conversations.Api.Errors;
using Conversations.Api.Mapping;
using Conversations.Grains.Events;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Streaming;

public static class EventMapping
{
    public static V1.SubscribeResponse ToProto(this FeedEvent feedEvent)
    {
        var e = feedEvent.Event;
        var customer = CustomerIdentity.Of(e.Customer, e.LinkedCustomer);
        return new V1.SubscribeResponse
        {
            Position = (ulong)feedEvent.Position,
            BusinessNumberId = e.BusinessNumberId,
            Customer = customer.Phone ?? "",
            CustomerUserId = customer.UserId ?? "",
            Sequence = (ulong)e.Sequence,
            // The proto enum repeats the domain's numbers, which are persisted and never renumbered.
            Kind = (V1.ConversationEventKind)(int)e.Kind,
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
            WindowExpiresAt = e.WindowExpiresAt.ToProto(),
            MessageId = e.MessageId ?? "",
            Wamid = e.Wamid ?? "",
            InboundType = e.InboundType ?? "",
            Text = e.Text ?? "",
            Status = e.Status is { } status ? (V1.MessageStatus)status : V1.MessageStatus.Unspecified,
            Refusal = e.Refusal?.ToProto(),
            TemplateName = e.TemplateName ?? "",
            TemplateLanguage = e.TemplateLanguage ?? "",
            TemplateStatus = TemplateStatusOf(e.TemplateStatus),
            EventsMissedBefore = feedEvent.EventsMissedBefore,
            QualityRating = e.Quality is { } quality ? quality.ToProto() : V1.QualityRating.Unspecified,
            MessagingLimit = e.MessagingLimit ?? "",
            AccountStanding = e.Standing?.ToProto(),
        };
    }

    /// <summary>Meta spells statuses PENDING_DELETION; the domain enum PendingDeletion.</summary>
    private static V1.TemplateStatus TemplateStatusOf(string? status) =>
        status is not null && System.Enum.TryParse<Abstractions.Templates.TemplateStatus>(status.Replace("_", ""), ignoreCase: true, out var parsed)
            ? (V1.TemplateStatus)parsed
            : V1.TemplateStatus.Unspecified;
}
