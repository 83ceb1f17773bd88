using Google.Protobuf;

namespace Conversations.Api.Errors;

/// <summary>
/// gRPC's "trailers-only" answer, for middleware that refuses a call before its service runs (authorization, rate
/// limits): the status and its ErrorInfo in the response headers, and no message. A bare HTTP 401, 403 or 503 would reach
/// a gRPC client as UNAUTHENTICATED, PERMISSION_DENIED or UNAVAILABLE without the reason it can act on.
/// </summary>
public static class GrpcTrailersOnly
{
    public static void Write(HttpResponse response, Google.Rpc.Status status)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
    }
}
