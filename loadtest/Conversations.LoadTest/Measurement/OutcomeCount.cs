namespace Conversations.LoadTest.Measurement;

/// <summary>How many operations ended one way, with the server's message for the first of them.</summary>
public sealed record OutcomeCount(string Status, string Reason, long Count, string? Sample);
