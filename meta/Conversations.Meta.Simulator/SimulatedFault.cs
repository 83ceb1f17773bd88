namespace Conversations.Meta.Simulator;

/// <summary>
/// What the simulator does instead of accepting the next <see cref="Times"/> sends (to <see cref="To"/>, or to anyone):
/// answer Meta's error <see cref="Code"/> with <see cref="HttpStatus"/>; answer a bare <see cref="HttpStatus"/> without a
/// Meta body (a proxy's 503) when no code is given; or accept and report <see cref="Code"/> later in a failed status
/// webhook, as Meta does for 131049. A <see cref="Delay"/> holds the answer back, longer than the client waits to make
/// "the request reached Meta but no answer came"; with neither code nor error status the send is then accepted.
/// </summary>
public sealed record SimulatedFault
{
    public string? To { get; init; }

    public int? Code { get; init; }

    /// <summary>400 for a Meta error when not given.</summary>
    public int? HttpStatus { get; init; }

    public int Times { get; init; } = 1;

    public TimeSpan Delay { get; init; }

    public bool AsFailedStatus { get; init; }

    public string? Title { get; init; }

    /// <summary>True when the send is answered with an error rather than accepted.</summary>
    public bool Refuses => !AsFailedStatus && (Code is not null || HttpStatus is >= 400);
}
