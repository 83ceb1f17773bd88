using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Conversations.Api.Webhooks;

/// <summary>The raw bytes of a webhook POST, read whole because the signature covers exactly those bytes.</summary>
public static class WebhookBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>
    /// The body, or null when it is longer than <paramref name="limit"/> (at once when its Content-Length says so, before
    /// a byte is read); holds about what has arrived, never more than twice the limit.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> Read(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // Kestrel then stops the client too; the count below is what holds on servers without the feature.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = limit;
        }

        // Grown as bytes arrive, never sized by Content-Length: a client declaring 3 MB and sending nothing costs a chunk.
        using var body = new MemoryStream(ChunkBytes);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }
}
