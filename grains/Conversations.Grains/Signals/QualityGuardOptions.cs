using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains.Signals;

/// <summary>
/// The quality guard ("Conversations:QualityGuard"): Meta warns that a number whose quality keeps falling loses messaging
/// limit and may be flagged, and marketing is what customers block and report most. Utility and authentication
/// templates and free-form replies are never touched; GREEN and UNKNOWN numbers are never touched.
/// </summary>
public sealed class QualityGuardOptions
{
    /// <summary>Marketing on a YELLOW (medium quality) number: slowed by default.</summary>
    public QualityGuardAction Yellow { get; set; } = QualityGuardAction.Slow;

    /// <summary>Marketing on a RED (low quality) number: paused by default.</summary>
    public QualityGuardAction Red { get; set; } = QualityGuardAction.Pause;

    /// <summary>Marketing on a number Meta FLAGGED: paused by default.</summary>
    public QualityGuardAction Flagged { get; set; } = QualityGuardAction.Pause;

    /// <summary>Marketing sends per second (and burst) a slowed number still makes.</summary>
    [Range(1, 1_000)]
    public int SlowPerSecond { get; set; } = 5;
}
