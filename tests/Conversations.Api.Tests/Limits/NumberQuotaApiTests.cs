using Conversations.Auth;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Limits;

/// <summary>
/// A WABA holds at most Conversations:Limits:MaxBusinessNumbersPerWaba numbers: RegisterBusinessNumber and
/// MoveBusinessNumber beyond it are RESOURCE_EXHAUSTED, and a caller who does not act for the WABA learns nothing of it.
/// </summary>
public sealed class NumberQuotaApiTests(QuotaApiFactory api) : IClassFixture<QuotaApiFactory>
{
    private static V1.RegisterBusinessNumberRequest Registration(string waba, string? number = null) =>
        new() { BusinessNumberId = number ?? TestNumbers.BusinessNumberId(), WabaId = waba };

    private async Task<string> FullWaba()
    {
        var waba = TestNumbers.WabaId();
        for (var i = 0; i < QuotaApiFactory.MaxNumbers; i++)
        {
            await api.BusinessNumbers.RegisterBusinessNumberAsync(Registration(waba));
        }

        return waba;
    }

    [Fact]
    public async Task Registering_a_number_beyond_the_WABAs_quota_is_RESOURCE_EXHAUSTED_NUMBER_QUOTA_EXCEEDED_with_the_limit()
    {
        // Arrange
        var waba = await FullWaba();
        var request = Registration(waba);

        // Act
        var info = await Refused.With(StatusCode.ResourceExhausted, "NUMBER_QUOTA_EXCEEDED", () => api.BusinessNumbers.RegisterBusinessNumberAsync(request).ResponseAsync);

        // Assert
        Assert.Equal([("limit", "2"), ("waba_id", waba)], info.Metadata.Select(m => (m.Key, m.Value)).Order());
        await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER", () =>
            api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = request.BusinessNumberId }).ResponseAsync);
    }

    [Fact]
    public async Task Another_WABA_takes_numbers_while_one_is_full()
    {
        // Arrange
        await FullWaba();

        // Act
        var registered = await api.BusinessNumbers.RegisterBusinessNumberAsync(Registration(TestNumbers.WabaId()));

        // Assert
        Assert.NotEmpty(registered.BusinessNumber.WabaId);
    }

    [Fact]
    public async Task Moving_a_number_to_a_full_WABA_is_refused_and_the_number_stays_in_its_WABA()
    {
        // Arrange
        var full = await FullWaba();
        var number = (await api.BusinessNumbers.RegisterBusinessNumberAsync(Registration(TestNumbers.WabaId()))).BusinessNumber;

        // Act
        var info = await Refused.With(StatusCode.ResourceExhausted, "NUMBER_QUOTA_EXCEEDED", () =>
            api.BusinessNumbers.MoveBusinessNumberAsync(new V1.MoveBusinessNumberRequest { BusinessNumberId = number.BusinessNumberId, WabaId = full }).ResponseAsync);
        var after = (await api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = number.BusinessNumberId })).BusinessNumber;

        // Assert
        Assert.Equal((full, "2"), (info.Metadata["waba_id"], info.Metadata["limit"]));
        Assert.Equal(number, after);
    }

    [Fact]
    public async Task A_caller_who_does_not_act_for_a_full_WABA_is_refused_for_the_WABA_not_told_of_its_quota()
    {
        // Arrange
        var full = await FullWaba();
        var ownWaba = TestNumbers.WabaId();
        var own = (await api.BusinessNumbers.RegisterBusinessNumberAsync(Registration(ownWaba))).BusinessNumber;
        using var channel = api.ChannelWith(ApiFactory.Token(Scopes.All, [ownWaba]));
        var numbers = new V1.BusinessNumbersService.BusinessNumbersServiceClient(channel);
        using var anonymous = api.ChannelWith(token: null);

        // Act
        var register = await Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () => numbers.RegisterBusinessNumberAsync(Registration(full)).ResponseAsync);
        var move = await Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () =>
            numbers.MoveBusinessNumberAsync(new V1.MoveBusinessNumberRequest { BusinessNumberId = own.BusinessNumberId, WabaId = full }).ResponseAsync);
        await Refused.With(StatusCode.Unauthenticated, "TOKEN_MISSING", () =>
            new V1.BusinessNumbersService.BusinessNumbersServiceClient(anonymous).RegisterBusinessNumberAsync(Registration(full)).ResponseAsync);

        // Assert
        Assert.Equal(("waba_id", "waba_id"), (register.Metadata["field"], move.Metadata["field"]));
        Assert.DoesNotContain("limit", register.Metadata.Keys);
    }
}
