using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>A business number belongs to exactly one WABA, and nothing can be sent from a number nobody registered.</summary>
[Collection(ApiCollection.Name)]
public sealed class BusinessNumberTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task Registered_number_reads_back_with_its_waba()
    {
        // Arrange
        var registered = await _scenario.RegisterNumber();

        // Act
        var read = (await api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = registered.BusinessNumberId })).BusinessNumber;

        // Assert
        Assert.Equal(registered, read);
    }

    [Fact]
    public async Task Registering_again_to_the_same_waba_is_accepted()
    {
        // Arrange
        var registered = await _scenario.RegisterNumber();

        // Act
        var again = (await api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest
        {
            BusinessNumberId = registered.BusinessNumberId,
            WabaId = registered.WabaId,
        })).BusinessNumber;

        // Assert
        Assert.Equal(registered, again);
    }

    [Fact]
    public async Task Registering_a_number_to_a_second_waba_is_refused_as_BUSINESS_NUMBER_CONFLICT()
    {
        // Arrange
        var registered = await _scenario.RegisterNumber();

        // Act
        var info = await Refused.With(StatusCode.AlreadyExists, "BUSINESS_NUMBER_CONFLICT",
            () => api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest
            {
                BusinessNumberId = registered.BusinessNumberId,
                WabaId = TestNumbers.WabaId(),
            }).ResponseAsync);

        // Assert
        Assert.Equal(registered.WabaId, info.Metadata["waba_id"]);
        var read = (await api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = registered.BusinessNumberId })).BusinessNumber;
        Assert.Equal(registered.WabaId, read.WabaId);
    }

    [Fact]
    public async Task Unregistered_number_is_NOT_FOUND()
    {
        // Arrange
        var id = TestNumbers.BusinessNumberId();

        // Act
        var info = await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER",
            () => api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = id }).ResponseAsync);

        // Assert
        Assert.Equal(id, info.Metadata["business_number_id"]);
    }

    [Fact]
    public async Task Send_from_an_unregistered_number_is_refused_as_UNKNOWN_BUSINESS_NUMBER()
    {
        // Arrange
        var id = TestNumbers.BusinessNumberId();

        // Act
        var info = await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER",
            () => api.Conversations.SendAsync(Scenario.Text(id, TestNumbers.Customer(), "hi")).ResponseAsync);

        // Assert
        Assert.Equal(id, info.Metadata["business_number_id"]);
    }

    [Fact]
    public async Task Inbound_to_an_unregistered_number_is_refused_as_UNKNOWN_BUSINESS_NUMBER()
    {
        // Arrange
        var id = TestNumbers.BusinessNumberId();

        // Act
        var info = await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER",
            () => api.Conversations.RecordInboundAsync(Scenario.Inbound(id, TestNumbers.Customer(), _scenario.Now)).ResponseAsync);

        // Assert
        Assert.Equal(id, info.Metadata["business_number_id"]);
    }

    [Fact]
    public async Task Conversation_of_an_unregistered_number_is_refused_as_UNKNOWN_BUSINESS_NUMBER()
    {
        // Arrange
        var id = TestNumbers.BusinessNumberId();

        // Act
        var info = await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER",
            () => _scenario.Get(id, TestNumbers.Customer()));

        // Assert
        Assert.Equal(id, info.Metadata["business_number_id"]);
    }

    [Fact]
    public async Task Conversation_refused_for_an_unregistered_number_works_once_it_is_registered()
    {
        // Arrange
        var id = TestNumbers.BusinessNumberId();
        var customer = TestNumbers.Customer();
        await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER",
            () => api.Conversations.RecordInboundAsync(Scenario.Inbound(id, customer, _scenario.Now)).ResponseAsync);
        await api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest { BusinessNumberId = id, WabaId = TestNumbers.WabaId() });

        // Act
        var conversation = await _scenario.RecordInbound(id, customer, _scenario.Now);

        // Assert
        Assert.True(conversation.WindowOpen);
    }

    [Theory]
    [InlineData("abc", "INVALID_BUSINESS_NUMBER_ID", "business_number_id")]
    [InlineData("", "MISSING_FIELD", "business_number_id")]
    [InlineData("123456789012345678901234567890123", "INVALID_BUSINESS_NUMBER_ID", "business_number_id")]
    public async Task Register_with_a_bad_business_number_id_is_refused(string id, string reason, string field)
    {
        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, reason,
            () => api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest { BusinessNumberId = id, WabaId = TestNumbers.WabaId() }).ResponseAsync);

        // Assert
        Assert.Equal(field, info.Metadata["field"]);
    }

    [Theory]
    [InlineData("abc", "INVALID_WABA_ID")]
    [InlineData("", "MISSING_FIELD")]
    public async Task Register_with_a_bad_waba_id_is_refused_and_registers_nothing(string wabaId, string reason)
    {
        // Arrange
        var id = TestNumbers.BusinessNumberId();

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, reason,
            () => api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest { BusinessNumberId = id, WabaId = wabaId }).ResponseAsync);

        // Assert
        Assert.Equal("waba_id", info.Metadata["field"]);
        await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER",
            () => api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = id }).ResponseAsync);
    }
}
