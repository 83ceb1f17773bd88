using Conversations.Api.Tests.Streaming;
using Conversations.Grains.Conversation;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>An administrator's way out of a wrong registration: release the number, or move it to another WABA or portfolio.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReleaseAndMoveTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task A_released_number_can_be_registered_to_another_WABA()
    {
        // Arrange
        var squatted = await _scenario.RegisterNumber();
        var owner = TestNumbers.WabaId();

        // Act
        var released = await api.BusinessNumbers.ReleaseBusinessNumberAsync(new V1.ReleaseBusinessNumberRequest { BusinessNumberId = squatted.BusinessNumberId });
        await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER", () =>
            api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = squatted.BusinessNumberId }).ResponseAsync);
        var registered = await api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest { BusinessNumberId = squatted.BusinessNumberId, WabaId = owner });

        // Assert
        Assert.Equal(squatted.WabaId, released.BusinessNumber.WabaId);
        Assert.Equal((owner, owner, 80), (registered.BusinessNumber.WabaId, registered.BusinessNumber.PortfolioId, registered.BusinessNumber.ThroughputPerSecond));
    }

    [Fact]
    public async Task Releasing_a_number_nobody_registered_is_NOT_FOUND()
    {
        await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER", () =>
            api.BusinessNumbers.ReleaseBusinessNumberAsync(new V1.ReleaseBusinessNumberRequest { BusinessNumberId = TestNumbers.BusinessNumberId() }).ResponseAsync);
    }

    [Fact]
    public async Task A_moved_number_keeps_its_pace_and_rating_and_its_portfolio_becomes_the_new_WABA_unless_given()
    {
        // Arrange
        var number = TestNumbers.BusinessNumberId();
        await api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest
        {
            BusinessNumberId = number,
            WabaId = TestNumbers.WabaId(),
            ThroughputPerSecond = 200,
            QualityRating = V1.QualityRating.Yellow,
        });
        var (waba, portfolio) = (TestNumbers.WabaId(), TestNumbers.WabaId());

        // Act
        var toWaba = (await api.BusinessNumbers.MoveBusinessNumberAsync(new V1.MoveBusinessNumberRequest { BusinessNumberId = number, WabaId = waba })).BusinessNumber;
        var toPortfolio = (await api.BusinessNumbers.MoveBusinessNumberAsync(new V1.MoveBusinessNumberRequest { BusinessNumberId = number, WabaId = waba, PortfolioId = portfolio })).BusinessNumber;

        // Assert
        Assert.Equal((waba, waba, 200, V1.QualityRating.Yellow), (toWaba.WabaId, toWaba.PortfolioId, toWaba.ThroughputPerSecond, toWaba.QualityRating));
        Assert.Equal((waba, portfolio), (toPortfolio.WabaId, toPortfolio.PortfolioId));
    }

    [Fact]
    public async Task A_moved_numbers_conversations_send_with_the_new_WABAs_templates_within_a_minute()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var newWaba = TestNumbers.WabaId();
        await api.Templates.UpsertTemplateAsync(Template(newWaba, "welcome_back"));
        await Refused.With(StatusCode.NotFound, "TEMPLATE_NOT_FOUND", () =>
            api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, customer, "welcome_back", "en_US")).ResponseAsync);

        // Act
        await api.BusinessNumbers.MoveBusinessNumberAsync(new V1.MoveBusinessNumberRequest { BusinessNumberId = number.BusinessNumberId, WabaId = newWaba });
        api.Clock.Advance(ConversationGrain.ProfileLifetime);
        var receipt = (await api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, customer, "welcome_back", "en_US"))).Receipt;

        // Assert
        Assert.Equal(V1.MessageKind.Template, receipt.Kind);
    }

    [Fact]
    public async Task A_moved_number_hears_of_its_new_WABAs_templates_and_no_longer_of_the_old_ones()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var newWaba = TestNumbers.WabaId();
        await api.Templates.UpsertTemplateAsync(Template(number.WabaId, "old_one"));
        await api.Templates.UpsertTemplateAsync(Template(newWaba, "new_one"));
        await api.BusinessNumbers.MoveBusinessNumberAsync(new V1.MoveBusinessNumberRequest { BusinessNumberId = number.BusinessNumberId, WabaId = newWaba });
        await using var subscription = await EventSubscription.Start(api, number.BusinessNumberId);

        // Act
        await api.Templates.SetTemplateStatusAsync(new V1.SetTemplateStatusRequest { WabaId = number.WabaId, Name = "old_one", Language = "en_US", Status = V1.TemplateStatus.Paused });
        await api.Templates.SetTemplateStatusAsync(new V1.SetTemplateStatusRequest { WabaId = newWaba, Name = "new_one", Language = "en_US", Status = V1.TemplateStatus.Paused });
        var received = await subscription.WaitFor(V1.ConversationEventKind.TemplateStatusChanged);

        // Assert
        Assert.Equal("new_one", Assert.Single(received).TemplateName);
    }

    private static V1.UpsertTemplateRequest Template(string wabaId, string name) => new()
    {
        WabaId = wabaId,
        Name = name,
        Language = "en_US",
        Category = V1.TemplateCategory.Utility,
        Status = V1.TemplateStatus.Approved,
        Body = "Welcome back",
    };
}
