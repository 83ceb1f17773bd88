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
