namespace Conversations.Meta;

/// <summary>Cloud API error codes the client treats specially.</summary>
public static class CloudApiErrorCodes
{
    public const int ApiUnknown = 1;
    public const int ApiService = 2;
    public const int ApiTooManyCalls = 4;
    public const int InvalidParameter = 100;
    public const int InvalidAccessToken = 190;
    public const int RateLimitIssues = 80007;
    public const int Throughput = 130429;
    public const int SomethingWentWrong = 131000;
    public const int ServiceUnavailable = 131016;
    public const int ReEngagement = 131047;
    public const int EcosystemEngagement = 131049;
    public const int PairRateLimit = 131056;
    public const int TemplateDoesNotExist = 132001;
}
