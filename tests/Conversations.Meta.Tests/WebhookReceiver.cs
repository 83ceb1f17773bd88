using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Meta.Tests;

/// <summary>
/// A tiny webhook endpoint on loopback that checks X-Hub-Signature-256 the way our api must (HMAC-SHA256 of the raw body
/// with the app secret, constant time) and keeps what it accepted. It can be told to fail the first posts.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly byte[] _secret;
    private readonly ConcurrentQueue<JsonNode> _accepted = new();
    private int _failuresLeft;
    private int _posts;
    private int _badSignatures;

    private WebhookReceiver(WebApplication app, string secret)
    {
        _app = app;
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    public string Url => $"{_app.Urls.First()}/webhooks/whatsapp";

    /// <summary>Bodies whose signature verified, in arrival order.</summary>
    public IReadOnlyList<JsonNode> Accepted => [.. _accepted];

    public int Posts => Volatile.Read(ref _posts);

    public int BadSignatures => Volatile.Read(ref _badSignatures);

    /// <summary>Statuses (status, wamid, pricing, errors) in arrival order.</summary>
    public IReadOnlyList<JsonNode> Statuses => [.. Accepted
        .SelectMany(b => b["entry"]!.AsArray())
        .SelectMany(e => e!["changes"]!.AsArray())
        .SelectMany(c => c!["value"]!["statuses"]?.AsArray() ?? [])
        .Select(s => s!)];

    public IReadOnlyList<JsonNode> StatusesOf(string wamid) => [.. Statuses.Where(s => (string?)s["id"] == wamid)];

    public static async Task<WebhookReceiver> Start(string secret)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret);
        app.MapPost("/webhooks/whatsapp", (RequestDelegate)receiver.Handle);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> posts get a 500, as an api that is restarting would answer.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task Handle(HttpContext context)
    {
        Interlocked.Increment(ref _posts);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (!Verifies(body, context.Request.Headers["X-Hub-Signature-256"].ToString()))
        {
            Interlocked.Increment(ref _badSignatures);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        _accepted.Enqueue(JsonNode.Parse(body)!);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private bool Verifies(byte[] body, string header)
    {
        const string prefix = "sha256=";
        if (!header.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(header[prefix.Length..]);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_secret, body), claimed);
    }
}
