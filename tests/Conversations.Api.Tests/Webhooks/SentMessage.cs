using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>A text we sent: from which number, to whom, and the wamid Meta's statuses will name.</summary>
public sealed record SentMessage(V1.BusinessNumber Number, string Customer, string Wamid);
