namespace Conversations.Api.Streaming;

/// <summary>
/// How much the streaming calls may hold: streams open at once, per caller and per api process, and what one StreamSends
/// call holds. The server never buffers a stream's work, nor opens streams, without bound.
/// </summary>
public sealed class StreamingOptions
{
    public const string Section = "Conversations:Streaming";

    /// <summary>Sends of one stream under way at once; the stream is not read further until one finishes.</summary>
    public int MaxSendsInFlight { get; set; } = 32;

    /// <summary>Outcomes of one stream waiting for its client to read them; when full, sends wait for the client.</summary>
    public int OutcomeBuffer { get; set; } = 64;

    /// <summary>Subscribe calls one caller (token subject) may hold open at once.</summary>
    public int MaxSubscriptionsPerCaller { get; set; } = 100;

    /// <summary>Subscribe calls this api process serves at once, every caller's together.</summary>
    public int MaxSubscriptions { get; set; } = 5_000;

    /// <summary>StreamSends calls one caller may hold open at once.</summary>
    public int MaxSendStreamsPerCaller { get; set; } = 32;

    /// <summary>StreamSends calls this api process serves at once; each holds up to <see cref="MaxSendsInFlight"/> sends.</summary>
    public int MaxSendStreams { get; set; } = 256;
}
