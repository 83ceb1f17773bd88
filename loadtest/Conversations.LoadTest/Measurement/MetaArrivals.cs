using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// The Meta simulator's log of one business number's sends, as <c>GET /simulator/received?phone_number_id=</c> answers it:
/// how many it received, how many arrival times it kept (the most recent, oldest first), and its own busiest
/// sliding second over the whole log.
/// </summary>
public sealed record MetaArrivals(string PhoneNumberId, long Received, long Kept, int BusiestSecond, IReadOnlyList<long> ReceivedAtUnixUs)
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<MetaArrivals> ReadAsync(HttpClient http, Uri simulator, string phoneNumberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var uri = new Uri(simulator, $"/simulator/received?phone_number_id={Uri.EscapeDataString(phoneNumberId)}");
        return await http.GetFromJsonAsync<MetaArrivals>(uri, s_json, cancellationToken) ?? throw new JsonException("The simulator answered null.");
    }
}
