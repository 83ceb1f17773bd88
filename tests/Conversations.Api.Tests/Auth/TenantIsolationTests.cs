using Conversations.Abstractions.Grains;
using Conversations.Api.Auth;
using Conversations.Api.Tests.Streaming;
using Conversations.Auth;
using Conversations.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Auth;

/// <summary>A token acts for its WABAs and portfolios only: in streams, in the admin calls that place numbers, and with "*".</summary>
[Collection(ApiCollection.Name)]
public sealed class TenantIsolationTests(ApiFactory api)
{
    [Fact]
    public async Task A_subscriber_with_a_token_for_WABA_A_receives_no_event_of_WABA_B()
    {
        // Arrange
        var a = await Tenant.Create(api);
        var b = await Tenant.Create(api);
        using var channel = api.ChannelWith(a.Token([Scopes.Read]));
        await using var subscription = await EventSubscription.Start(new V1.ConversationsService.ConversationsServiceClient(channel), a.BusinessNumberId);

        // Act
        await api.Conversations.RecordInboundAsync(Scenario.Inbound(b.BusinessNumberId, b.Customer, api.Clock.GetUtcNow()));
        await api.Templates.SetTemplateStatusAsync(new V1.SetTemplateStatusRequest { WabaId = b.WabaId, Name = Tenant.TemplateName, Language = Tenant.Language, Status = V1.TemplateStatus.Paused });
        await api.Conversations.RecordInboundAsync(Scenario.Inbound(a.BusinessNumberId, a.Customer, api.Clock.GetUtcNow()));
        var received = await subscription.WaitFor(V1.ConversationEventKind.InboundMessage);

        // Assert
        Assert.All(received, e => Assert.Equal((a.BusinessNumberId, a.Customer), (e.BusinessNumberId, e.Customer)));
        Assert.DoesNotContain(received, e => e.Kind == V1.ConversationEventKind.TemplateStatusChanged);
    }

    [Fact]
    public async Task A_StreamSends_item_for_another_tenants_number_is_refused_and_the_stream_goes_on()
    {
        // Arrange
        var a = await Tenant.Create(api);
        var b = await Tenant.Create(api);
        using var channel = api.ChannelWith(a.Token([Scopes.Send]));
        using var call = new V1.ConversationsService.ConversationsServiceClient(channel).StreamSends();

        // Act
        foreach (var (id, tenant) in new[] { ("1", a), ("2", b), ("3", a) })
        {
            await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = id, Request = Scenario.Text(tenant.BusinessNumberId, tenant.Customer, "hi") });
        }

        await call.RequestStream.CompleteAsync();
        var outcomes = await call.ResponseStream.ReadAllAsync().ToListAsync();

        // Assert
        Assert.Equal(
            [("1", ""), ("2", "WABA_NOT_ALLOWED"), ("3", "")],
            outcomes.Select(o => (o.CorrelationId, o.Refusal?.Reason ?? "")).OrderBy(o => o.CorrelationId));
        Assert.Equal("PERMISSION_DENIED", outcomes.Single(o => o.CorrelationId == "2").Refusal.Status);
    }

    [Fact]
    public async Task Upserting_an_APPROVED_template_needs_the_admin_scope_beside_templates_manage()
    {
        // Arrange
        var a = await Tenant.Create(api);
        using var channel = api.ChannelWith(a.Token([Scopes.ManageTemplates]));
        var templates = new V1.TemplatesService.TemplatesServiceClient(channel);

        // Act
        var pending = await templates.UpsertTemplateAsync(a.Template(V1.TemplateStatus.Pending));
        var info = await Refused.With(StatusCode.PermissionDenied, "SCOPE_MISSING", () => templates.UpsertTemplateAsync(a.Template(V1.TemplateStatus.Approved)).ResponseAsync);

        // Assert
        Assert.Equal(V1.TemplateStatus.Pending, pending.Template.Status);
        Assert.Equal(Scopes.Admin, info.Metadata["scope"]);
    }

    [Fact]
    public async Task Every_WABA_counts_only_for_a_token_with_the_admin_scope()
    {
        // Arrange
        var a = await Tenant.Create(api);
        var request = new V1.GetBusinessNumberRequest { BusinessNumberId = a.BusinessNumberId };
        using var reader = api.ChannelWith(ApiFactory.Token([Scopes.Read], [CallerClaims.Any]));
        using var administrator = api.ChannelWith(ApiFactory.Token([Scopes.Read, Scopes.Admin], [CallerClaims.Any]));

        // Act
        var refused = Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () => new V1.BusinessNumbersService.BusinessNumbersServiceClient(reader).GetBusinessNumberAsync(request).ResponseAsync);
        var answered = await new V1.BusinessNumbersService.BusinessNumbersServiceClient(administrator).GetBusinessNumberAsync(request);

        // Assert
        await refused;
        Assert.Equal(a.WabaId, answered.BusinessNumber.WabaId);
    }

    [Fact]
    public async Task An_administrator_of_WABA_B_cannot_register_or_move_a_number_of_WABA_A_into_B()
    {
        // Arrange
        var a = await Tenant.Create(api);
        var b = await Tenant.Create(api);
        using var channel = api.ChannelWith(b.Token(Scopes.All));
        var numbers = new V1.BusinessNumbersService.BusinessNumbersServiceClient(channel);

        // Act
        var register = Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () =>
            numbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest { BusinessNumberId = a.BusinessNumberId, WabaId = b.WabaId, PortfolioId = b.PortfolioId }).ResponseAsync);
        var move = Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () =>
            numbers.MoveBusinessNumberAsync(new V1.MoveBusinessNumberRequest { BusinessNumberId = a.BusinessNumberId, WabaId = b.WabaId, PortfolioId = b.PortfolioId }).ResponseAsync);

        // Assert
        await register;
        await move;
        Assert.Equal(a.WabaId, (await api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = a.BusinessNumberId })).BusinessNumber.WabaId);
    }

    [Fact]
    public async Task A_portfolio_is_allowed_when_listed_or_when_it_is_a_listed_WABA()
    {
        // Arrange
        var a = await Tenant.Create(api);
        using var channel = api.ChannelWith(ApiFactory.Token([Scopes.Read], [a.WabaId]));
        var numbers = new V1.BusinessNumbersService.BusinessNumbersServiceClient(channel);

        // Act
        var refused = Refused.With(StatusCode.PermissionDenied, "PORTFOLIO_NOT_ALLOWED", () =>
            numbers.GetMessagingLimitAsync(new V1.GetMessagingLimitRequest { PortfolioId = a.PortfolioId }).ResponseAsync);
        var ownWaba = await numbers.GetMessagingLimitAsync(new V1.GetMessagingLimitRequest { PortfolioId = a.WabaId });

        // Assert
        await refused;
        Assert.Equal(a.WabaId, ownWaba.MessagingLimit.PortfolioId);
    }

    [Fact]
    public async Task A_number_nobody_registered_is_NOT_FOUND_whatever_the_token()
    {
        // Arrange
        var a = await Tenant.Create(api);
        using var channel = api.ChannelWith(a.Token([Scopes.Read]));

        // Act
        var info = await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER", () =>
            new V1.ConversationsService.ConversationsServiceClient(channel).GetConversationAsync(new V1.GetConversationRequest { BusinessNumberId = TestNumbers.BusinessNumberId(), Customer = a.Customer }).ResponseAsync);

        // Assert
        Assert.True(info.Metadata.ContainsKey("business_number_id"));
    }

    [Fact]
    public async Task A_number_moved_through_this_api_is_closed_to_its_old_WABA_at_once()
    {
        // Arrange: the old tenant's call has just read (and kept) the number's owner.
        var (a, channel, conversations, request) = await ReaderWhoCalled();
        using var _ = channel;

        // Act
        await api.BusinessNumbers.MoveBusinessNumberAsync(new V1.MoveBusinessNumberRequest { BusinessNumberId = a.BusinessNumberId, WabaId = TestNumbers.WabaId() });

        // Assert
        await Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () => conversations.GetConversationAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task A_number_moved_elsewhere_in_the_cluster_is_closed_to_its_old_WABA_once_the_owner_lifetime_passes()
    {
        // Arrange: the move does not go through this api process (another api process, or the grain itself).
        var (a, channel, conversations, request) = await ReaderWhoCalled();
        using var _ = channel;
        await api.Services.GetRequiredService<IGrainFactory>().GetGrain<IBusinessNumberGrain>(a.BusinessNumberId).Move(TestNumbers.WabaId(), null);
        var lifetime = api.Services.GetRequiredService<IOptions<AuthOptions>>().Value.NumberOwnerLifetime;

        // Act
        var withinLifetime = await conversations.GetConversationAsync(request);
        api.Clock.Advance(lifetime);

        // Assert
        Assert.Equal(a.Customer, withinLifetime.Conversation.Customer);
        await Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () => conversations.GetConversationAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task A_number_registered_after_a_call_found_it_unregistered_is_seen_on_the_next_call()
    {
        // Arrange
        var a = await Tenant.Create(api);
        using var channel = api.ChannelWith(ApiFactory.Token(Scopes.All, [a.WabaId]));
        var numbers = new V1.BusinessNumbersService.BusinessNumbersServiceClient(channel);
        var number = TestNumbers.BusinessNumberId();
        await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER", () =>
            numbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = number }).ResponseAsync);

        // Act
        await numbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest { BusinessNumberId = number, WabaId = a.WabaId });
        var found = await numbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = number });

        // Assert
        Assert.Equal(a.WabaId, found.BusinessNumber.WabaId);
    }

    /// <summary>A tenant, and a read-only caller of its who has just made one call, so this api process knows the number's owner.</summary>
    private async Task<(Tenant Tenant, GrpcChannel Channel, V1.ConversationsService.ConversationsServiceClient Conversations, V1.GetConversationRequest Request)> ReaderWhoCalled()
    {
        var tenant = await Tenant.Create(api);
        var channel = api.ChannelWith(tenant.Token([Scopes.Read]));
        var conversations = new V1.ConversationsService.ConversationsServiceClient(channel);
        var request = new V1.GetConversationRequest { BusinessNumberId = tenant.BusinessNumberId, Customer = tenant.Customer };
        await conversations.GetConversationAsync(request);
        return (tenant, channel, conversations, request);
    }
}
