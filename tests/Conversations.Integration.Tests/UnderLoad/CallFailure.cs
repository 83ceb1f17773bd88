namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>One failed attempt, when it happened since the load started, and why.</summary>
public sealed record CallFailure(ClientCall Call, TimeSpan At, string Error);
