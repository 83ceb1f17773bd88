using System.Net;
using System.Text;
using Conversations.Api.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>Meta's payloads are at most 3 MB; nothing larger is buffered, signed or not.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookBodyLimitTests(ApiFactory api)
{
    private readonly MetaWebhook _meta = new(api);

    /// <summary>A valid, signable envelope padded with JSON whitespace to exactly <paramref name="length"/> bytes.</summary>
    private static byte[] EnvelopeOf(int length)
    {
        var envelope = Encoding.UTF8.GetBytes("""{"object":"whatsapp_business_account","entry":[]}""");
        var body = new byte[length];
        Array.Fill(body, (byte)' ');
        envelope.CopyTo(body, 0);
        return body;
    }

    [Fact]
    public async Task Body_of_exactly_3MB_is_accepted()
    {
        // Arrange
        var body = EnvelopeOf(WebhookOptions.MetaMaxBodyBytes);

        // Act
        using var response = await _meta.Send(body);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Body_over_3MB_with_its_length_declared_is_refused_with_413()
    {
        // Arrange
        var body = EnvelopeOf(WebhookOptions.MetaMaxBodyBytes + 1);

        // Act
        using var response = await _meta.Send(body);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Body_of_undeclared_length_is_cut_off_just_past_the_limit()
    {
        // Arrange
        var context = new DefaultHttpContext();
        var endless = new EndlessStream();
        context.Request.Body = endless;

        // Act
        var body = await WebhookBody.Read(context.Request, WebhookOptions.MetaMaxBodyBytes, CancellationToken.None);

        // Assert
        Assert.Null(body);
        Assert.InRange(endless.Delivered, WebhookOptions.MetaMaxBodyBytes, WebhookOptions.MetaMaxBodyBytes + 64 * 1024);
    }

    [Fact]
    public void Reading_a_body_allocates_for_what_arrived_not_for_the_declared_length()
    {
        // Arrange: 3 MB declared, nothing arrived yet.
        var context = new DefaultHttpContext();
        var nothingYet = new PendingStream();
        context.Request.Body = nothingYet;
        context.Request.ContentLength = WebhookOptions.MetaMaxBodyBytes;
        using var stop = new CancellationTokenSource();

        // Act: everything up to the first read runs on this thread.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var reading = WebhookBody.Read(context.Request, WebhookOptions.MetaMaxBodyBytes, stop.Token);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        stop.Cancel();

        // Assert
        Assert.False(reading.IsCompleted);
        Assert.InRange(allocated, 0, 64 * 1024);
    }

    [Fact]
    public async Task A_body_that_arrived_is_read_whole_whatever_its_declared_length()
    {
        // Arrange
        var context = new DefaultHttpContext();
        var payload = EnvelopeOf(100_000);
        context.Request.Body = new MemoryStream(payload);
        context.Request.ContentLength = payload.Length;

        // Act
        var body = await WebhookBody.Read(context.Request, WebhookOptions.MetaMaxBodyBytes, CancellationToken.None);

        // Assert
        Assert.Equal(payload, body!.Value.ToArray());
    }

    /// <summary>A client that sent its headers and nothing more: every read waits until cancelled.</summary>
    private sealed class PendingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A sender that never stops: counts what the reader took from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Delivered { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Delivered; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            Delivered += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
