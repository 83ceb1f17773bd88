namespace Conversations.Api.Streaming;

/// <summary>How much one StreamSends call may hold: the server never buffers a stream's work without bound.</summary>
public sealed class StreamingOptions
{
    public const string Section = "Conversations:Streaming";

    /// <summary>Sends of one stream under way at once; the stream is not read further until one finishes.</summary>
    public int MaxSendsInFlight { get; set; } = 32;

    /// <summary>Outcomes of one stream waiting for its client to read them; when full, sends wait for the client.</summary>
    public int OutcomeBuffer { get; set; } = 64;
}
