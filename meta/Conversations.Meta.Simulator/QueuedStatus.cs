using System.Text.Json.Nodes;

namespace Conversations.Meta.Simulator;

/// <summary>A status due to be posted: the WABA and number it is reported under, its customer, and its statuses[] element.</summary>
public sealed record QueuedStatus(string WabaId, string PhoneNumberId, string Recipient, JsonObject Status);
