namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// Ids that no earlier run used, so a run against a long-lived server never lands on conversations an earlier run
/// wrote: every business number, WABA and message id carries the run's stamp.
/// </summary>
public sealed class RunIds(long stamp)
{
    // 8,000 exchanges (200-999) of 10,000 lines each in one valid US area code.
    public const int CustomerCapacity = 8_000_000;

    public static RunIds New() => new(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public string Stamp { get; } = stamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Meta's ids are digits: a scenario digit, the run stamp, a number index.</summary>
    public string BusinessNumber(int scenario, int index) => $"9{scenario}{Stamp}{index:D3}";

    public string Waba(int scenario) => $"8{scenario}{Stamp}";

    /// <summary>
    /// The index-th customer known only by a business-scoped user id: a BSUID carrying the run's stamp, so it names no
    /// customer of an earlier run.
    /// </summary>
    public string UserId(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"US.{Stamp}{index:D8}");

    /// <summary>The index-th customer: a valid US number (libphonenumber accepts every exchange 200-999 in 650).</summary>
    public static string Customer(int index)
    {
        if ((uint)index >= CustomerCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"At most {CustomerCapacity:N0} synthetic customers.");
        }

        return string.Create(11, index, static (digits, i) =>
        {
            "1650".AsSpan().CopyTo(digits);
            (200 + (i / 10_000)).TryFormat(digits[4..], out _, "D3");
            (i % 10_000).TryFormat(digits[7..], out _, "D4");
        });
    }
}
