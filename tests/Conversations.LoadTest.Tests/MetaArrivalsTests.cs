using System.Net;
using System.Text;
using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Tests;

public sealed class MetaArrivalsTests
{
    private const string Answer =
        """{"phone_number_id":"91764000000000","received":3,"kept":2,"busiest_second":2,"received_at_unix_us":[1764000000000000,1764000000500000]}""";

    [Fact]
    public async Task The_number_is_asked_for_by_id_and_its_arrivals_read_in_the_simulators_shape()
    {
        var handler = new Answering(Answer);
        using var http = new HttpClient(handler);

        var arrivals = await MetaArrivals.ReadAsync(http, new Uri("http://127.0.0.1:5179"), "91764000000000", CancellationToken.None);

        Assert.Equal("http://127.0.0.1:5179/simulator/received?phone_number_id=91764000000000", handler.Asked?.ToString());
        Assert.Equal("91764000000000", arrivals.PhoneNumberId);
        Assert.Equal(3, arrivals.Received);
        Assert.Equal(2, arrivals.Kept);
        Assert.Equal(2, arrivals.BusiestSecond);
        Assert.Equal([1_764_000_000_000_000, 1_764_000_000_500_000], arrivals.ReceivedAtUnixUs);
    }

    [Fact]
    public async Task A_simulator_without_the_arrival_log_is_an_http_failure()
    {
        using var http = new HttpClient(new Answering("", HttpStatusCode.NotFound));

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            MetaArrivals.ReadAsync(http, new Uri("http://127.0.0.1:5179"), "91764000000000", CancellationToken.None));
    }

    private sealed class Answering(string json, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public Uri? Asked { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        }
    }
}
