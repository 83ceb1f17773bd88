namespace Conversations.Grains.Signals;

/// <summary>What the quality guard does with marketing sends on a number at one quality rating.</summary>
public enum QualityGuardAction
{
    /// <summary>Sends go as usual.</summary>
    Allow,

    /// <summary>Marketing sends go at most <see cref="QualityGuardOptions.SlowPerSecond"/> per second; the rest are refused with QUALITY_GUARD_SLOWED.</summary>
    Slow,

    /// <summary>Marketing sends are refused with QUALITY_GUARD_PAUSED until the rating recovers.</summary>
    Pause,
}
