using Conversations.Api.Streaming;
using Conversations.Auth;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Auth;

/// <summary>
/// One RPC of the contract as the authorization tests call it: the scope it needs, what it answers a token of
/// another tenant, and a request against a <see cref="Tenant"/>'s things. A call's outcome is its status and reason;
/// a StreamSends item's refusal counts as the status and reason it carries.
/// </summary>
public sealed record AuthorizedRpc(string Name, string Scope, string OtherTenantReason, Func<GrpcChannel, Tenant, Task<V1.Refusal?>> Call)
{
    public const string WabaNotAllowed = "WABA_NOT_ALLOWED";
    public const string PortfolioNotAllowed = "PORTFOLIO_NOT_ALLOWED";

    public static readonly IReadOnlyList<AuthorizedRpc> All =
    [
        Conversations("RecordInbound", Scopes.Send, (c, t) => c.RecordInboundAsync(Scenario.Inbound(t.BusinessNumberId, t.Customer, ApiFactory.Start)).ResponseAsync),
        Conversations("Send", Scopes.Send, (c, t) => c.SendAsync(Scenario.Text(t.BusinessNumberId, t.Customer, "hi")).ResponseAsync),
        Conversations("GetConversation", Scopes.Read, (c, t) => c.GetConversationAsync(new() { BusinessNumberId = t.BusinessNumberId, Customer = t.Customer }).ResponseAsync),
        Conversations("Evaluate", Scopes.Send, (c, t) => c.EvaluateAsync(new() { BusinessNumberId = t.BusinessNumberId, Customer = t.Customer, Text = new() { Body = "hi" } }).ResponseAsync),
        Conversations("CancelScheduledSend", Scopes.Send, (c, t) => c.CancelScheduledSendAsync(new() { BusinessNumberId = t.BusinessNumberId, Customer = t.Customer, IdempotencyKey = t.ScheduledKey }).ResponseAsync),
        Conversations("ListMessages", Scopes.Read, (c, t) => c.ListMessagesAsync(new() { BusinessNumberId = t.BusinessNumberId, Customer = t.Customer, Limit = 10 }).ResponseAsync),
        Conversations("Subscribe", Scopes.Read, Subscribe),
        new("StreamSends", Scopes.Send, WabaNotAllowed, (channel, t) => StreamSends(new V1.ConversationsService.ConversationsServiceClient(channel), t)),
        Conversations("MarkRead", Scopes.Send, (c, t) => c.MarkReadAsync(new() { BusinessNumberId = t.BusinessNumberId, Customer = t.Customer, MessageId = t.InboundMessageId, TypingIndicator = true }).ResponseAsync),
        Conversations("EraseCustomer", Scopes.Admin, (c, t) => c.EraseCustomerAsync(new() { BusinessNumberId = t.BusinessNumberId, Customer = t.Customer }).ResponseAsync),
        Templates("UpsertTemplate", Scopes.ManageTemplates, WabaNotAllowed, (c, t) => c.UpsertTemplateAsync(t.Template(V1.TemplateStatus.Pending)).ResponseAsync),
        Templates("GetTemplate", Scopes.Read, WabaNotAllowed, (c, t) => c.GetTemplateAsync(new() { WabaId = t.WabaId, Name = Tenant.TemplateName, Language = Tenant.Language }).ResponseAsync),
        Templates("ListTemplates", Scopes.Read, WabaNotAllowed, (c, t) => c.ListTemplatesAsync(new() { WabaId = t.WabaId }).ResponseAsync),
        Templates("LintTemplate", Scopes.ManageTemplates, WabaNotAllowed, (c, t) => c.LintTemplateAsync(V1.LintTemplateRequest.Parser.ParseFrom(t.Template(V1.TemplateStatus.Pending).ToByteString())).ResponseAsync),
        Templates("SetTemplateStatus", Scopes.Admin, WabaNotAllowed, (c, t) => c.SetTemplateStatusAsync(new() { WabaId = t.WabaId, Name = Tenant.TemplateName, Language = Tenant.Language, Status = V1.TemplateStatus.Approved }).ResponseAsync),
        Templates("SubmitTemplate", Scopes.ManageTemplates, WabaNotAllowed, (c, t) => c.SubmitTemplateAsync(V1.SubmitTemplateRequest.Parser.ParseFrom(t.Template(V1.TemplateStatus.Pending).ToByteString())).ResponseAsync),
        Templates("SyncTemplates", Scopes.ManageTemplates, WabaNotAllowed, (c, t) => c.SyncTemplatesAsync(new() { WabaId = t.WabaId }).ResponseAsync),
        Templates("SetTemplateQuality", Scopes.Admin, WabaNotAllowed, (c, t) => c.SetTemplateQualityAsync(new() { WabaId = t.WabaId, Name = Tenant.TemplateName, Language = Tenant.Language, Quality = V1.TemplateQuality.Green }).ResponseAsync),
        Numbers("RegisterBusinessNumber", Scopes.Admin, WabaNotAllowed, (c, t) => c.RegisterBusinessNumberAsync(new() { BusinessNumberId = t.BusinessNumberId, WabaId = t.WabaId, PortfolioId = t.PortfolioId, ThroughputPerSecond = 80 }).ResponseAsync),
        Numbers("GetBusinessNumber", Scopes.Read, WabaNotAllowed, (c, t) => c.GetBusinessNumberAsync(new() { BusinessNumberId = t.BusinessNumberId }).ResponseAsync),
        Numbers("SetMessagingLimit", Scopes.Admin, PortfolioNotAllowed, (c, t) => c.SetMessagingLimitAsync(new() { PortfolioId = t.PortfolioId, Tier = "2000" }).ResponseAsync),
        Numbers("GetMessagingLimit", Scopes.Read, PortfolioNotAllowed, (c, t) => c.GetMessagingLimitAsync(new() { PortfolioId = t.PortfolioId }).ResponseAsync),
        Numbers("ReleaseBusinessNumber", Scopes.Admin, WabaNotAllowed, (c, t) => c.ReleaseBusinessNumberAsync(new() { BusinessNumberId = t.BusinessNumberId }).ResponseAsync),
        Numbers("MoveBusinessNumber", Scopes.Admin, WabaNotAllowed, (c, t) => c.MoveBusinessNumberAsync(new() { BusinessNumberId = t.BusinessNumberId, WabaId = t.WabaId, PortfolioId = t.PortfolioId }).ResponseAsync),
        Numbers("ListDeadLetters", Scopes.Admin, WabaNotAllowed, (c, t) => c.ListDeadLettersAsync(new() { BusinessNumberId = t.BusinessNumberId, Limit = 10 }).ResponseAsync),
        new("GetUsage", Scopes.Read, PortfolioNotAllowed, (channel, t) => Unary(new V1.UsageService.UsageServiceClient(channel).GetUsageAsync(new() { PortfolioId = t.PortfolioId, Month = "2025-03" }).ResponseAsync)),
    ];

    public static TheoryData<string> Names => [.. All.Select(r => r.Name)];

    public static AuthorizedRpc Named(string name) => All.Single(r => r.Name == name);

    /// <summary>OK, or the status and ErrorInfo reason the call (or its one stream item) was refused with.</summary>
    public async Task<(StatusCode Code, string? Reason, ErrorInfo? Info)> Outcome(GrpcChannel channel, Tenant tenant)
    {
        try
        {
            return await Call(channel, tenant) is { } refusal
                ? (Enum.Parse<StatusCode>(refusal.Status.Replace("_", ""), ignoreCase: true), refusal.Reason, null)
                : (StatusCode.OK, null, null);
        }
        catch (RpcException e)
        {
            var info = e.GetRpcStatus()?.GetDetail<ErrorInfo>();
            return (e.StatusCode, info?.Reason, info);
        }
    }

    private static AuthorizedRpc Conversations(string name, string scope, Func<V1.ConversationsService.ConversationsServiceClient, Tenant, Task> call) =>
        new(name, scope, WabaNotAllowed, (channel, tenant) => Unary(call(new V1.ConversationsService.ConversationsServiceClient(channel), tenant)));

    private static AuthorizedRpc Templates(string name, string scope, string reason, Func<V1.TemplatesService.TemplatesServiceClient, Tenant, Task> call) =>
        new(name, scope, reason, (channel, tenant) => Unary(call(new V1.TemplatesService.TemplatesServiceClient(channel), tenant)));

    private static AuthorizedRpc Numbers(string name, string scope, string reason, Func<V1.BusinessNumbersService.BusinessNumbersServiceClient, Tenant, Task> call) =>
        new(name, scope, reason, (channel, tenant) => Unary(call(new V1.BusinessNumbersService.BusinessNumbersServiceClient(channel), tenant)));

    /// <summary>A call that answers OK or throws its refusal.</summary>
    private static async Task<V1.Refusal?> Unary(Task call)
    {
        await call;
        return null;
    }

    /// <summary>Succeeds once the subscription is live (its latest-position header); a refusal ends the stream at once.</summary>
    private static async Task Subscribe(V1.ConversationsService.ConversationsServiceClient client, Tenant tenant)
    {
        using var call = client.Subscribe(new V1.SubscribeRequest { BusinessNumberId = tenant.BusinessNumberId });
        var headers = await call.ResponseHeadersAsync;
        if (headers.Get(ConversationStreams.LatestPositionHeader) is null)
        {
            await call.ResponseStream.MoveNext(CancellationToken.None);
            Assert.Fail("Subscribe sent no latest position and no refusal.");
        }
    }

    /// <summary>One item: a refusal of the call is thrown, the item's own refusal is its outcome.</summary>
    private static async Task<V1.Refusal?> StreamSends(V1.ConversationsService.ConversationsServiceClient client, Tenant tenant)
    {
        using var call = client.StreamSends();
        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "1", Request = Scenario.Text(tenant.BusinessNumberId, tenant.Customer, "hi") });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current.Refusal;
    }
}
