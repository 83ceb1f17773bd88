using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Conversations.Api.Webhooks;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// The webhook endpoint against clients that send headers and stall, over real sockets (150 of them used to grow the api
/// by ~450 MB, a buffer the size of each Content-Length): a stalled POST costs no buffer, at most
/// <see cref="WebhookWireApi.Limit"/> are in hand, the rest are answered 429 at once, and a body declared over the limit
/// is answered 413 before any of it is sent. Alone in its collection, so the allocation count is this test's own.
/// </summary>
[Collection(WebhookWireCollection.Name)]
public sealed class WebhookWireTests(WebhookWireApi api) : IDisposable
{
    private readonly List<TcpClient> _stalled = [];

    private RateLimiter Concurrency => api.Services.GetRequiredKeyedService<RateLimiter>(WhatsAppWebhook.Path);

    [Fact]
    public async Task A_body_declared_over_3MB_is_answered_413_before_a_byte_of_it_is_sent()
    {
        // Act
        using var client = await Stall(WebhookOptions.MetaMaxBodyBytes + 1);
        var status = await StatusLine(client);

        // Assert
        Assert.StartsWith("HTTP/1.1 413", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_that_declare_3MB_and_stall_allocate_no_buffer_of_that_size()
    {
        // Arrange
        var before = GC.GetTotalAllocatedBytes(precise: true);

        // Act
        for (var i = 0; i < WebhookWireApi.Limit; i++)
        {
            _stalled.Add(await Stall(WebhookOptions.MetaMaxBodyBytes));
        }

        await AllInHand();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // Assert: a buffer per declared length would be 64 x 3 MB = 192 MB.
        Assert.InRange(allocated, 0, 32 * 1024 * 1024);
    }

    [Fact]
    public async Task Past_the_limit_a_post_is_answered_429_with_retry_after_and_once_the_stalled_are_gone_a_post_is_taken()
    {
        // Arrange
        for (var i = 0; i < WebhookWireApi.Limit; i++)
        {
            _stalled.Add(await Stall(1_000));
        }

        await AllInHand();
        using var http = new HttpClient();

        // Act
        using var refused = await Post(http);
        CloseStalled();
        await Eventually.True(() => Concurrency.GetStatistics()!.CurrentAvailablePermits == WebhookWireApi.Limit, "the stalled POSTs to end");
        using var taken = await Post(http);

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
    }

    public void Dispose() => CloseStalled();

    private Task AllInHand() =>
        Eventually.True(() => Concurrency.GetStatistics()!.CurrentAvailablePermits == 0, $"{WebhookWireApi.Limit} stalled POSTs in hand");

    private void CloseStalled()
    {
        foreach (var client in _stalled)
        {
            client.Dispose();
        }

        _stalled.Clear();
    }

    /// <summary>A connection that sent a POST's headers, declaring <paramref name="declaredLength"/> bytes, and nothing more.</summary>
    private async Task<TcpClient> Stall(long declaredLength)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, api.WebhookUrl.Port);
        var headers = string.Create(
            CultureInfo.InvariantCulture,
            $"POST {api.WebhookUrl.AbsolutePath} HTTP/1.1\r\nHost: {api.WebhookUrl.Authority}\r\nContent-Type: application/json\r\nContent-Length: {declaredLength}\r\n\r\n");
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(headers));
        return client;
    }

    private static async Task<string> StatusLine(TcpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var reader = new StreamReader(client.GetStream(), Encoding.ASCII, leaveOpen: true);
        return await reader.ReadLineAsync(timeout.Token) ?? "";
    }

    /// <summary>A signed POST with nothing in it, as Meta might send.</summary>
    private async Task<HttpResponseMessage> Post(HttpClient http)
    {
        var body = """{"object":"whatsapp_business_account","entry":[]}"""u8.ToArray();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        content.Headers.Add(
            "X-Hub-Signature-256",
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(LoopbackApi.AppSecret), body)));
        return await http.PostAsync(api.WebhookUrl, content);
    }
}

/// <summary>The loopback api with room for <see cref="Limit"/> webhook POSTs at once.</summary>
public sealed class WebhookWireApi : LoopbackApi
{
    public const int Limit = 64;

    protected override IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>
    {
        ["Conversations:Webhooks:MaxConcurrentRequests"] = Limit.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Runs alone: counting what the process allocates needs no other test allocating meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebhookWireCollection : ICollectionFixture<WebhookWireApi>
{
    public const string Name = "webhook wire";
}
