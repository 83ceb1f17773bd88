using Conversations.Abstractions.Refusals;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>
/// A refusal repeats a caller's input only as a short prefix: a 250 KB id must come back as a recognisable 64 characters,
/// not as 256 KB of trailers.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InputEchoTests(ApiFactory api)
{
    private static readonly string s_huge = new('9', 250 * 1024);

    private static string Prefix => string.Concat(s_huge.AsSpan(0, FieldRules.EchoLength), "…");

    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task A_250KB_business_number_id_is_echoed_as_its_first_64_characters_in_a_small_status()
    {
        // Act
        var exception = await Assert.ThrowsAsync<RpcException>(() => _scenario.Get(s_huge, "+16505551234"));

        // Assert
        var (code, info) = Refused.Decode(exception);
        Assert.Equal((StatusCode.InvalidArgument, "INVALID_BUSINESS_NUMBER_ID"), (code, info.Reason));
        Assert.Contains($"'{Prefix}'", exception.Status.Detail, StringComparison.Ordinal);
        Assert.InRange(TrailerBytes(exception), 1, 2048);
    }

    [Fact]
    public async Task A_250KB_idempotency_key_is_echoed_as_its_first_64_characters_in_message_and_metadata()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();

        // Act
        var exception = await Assert.ThrowsAsync<RpcException>(() => api.Conversations.CancelScheduledSendAsync(new V1.CancelScheduledSendRequest
        {
            BusinessNumberId = number.BusinessNumberId,
            Customer = customer,
            IdempotencyKey = s_huge,
        }).ResponseAsync);

        // Assert
        var (_, info) = Refused.Decode(exception);
        Assert.Equal("SCHEDULED_SEND_NOT_FOUND", info.Reason);
        Assert.Equal(Prefix, info.Metadata["idempotency_key"]);
        Assert.Contains($"'{Prefix}'", exception.Status.Detail, StringComparison.Ordinal);
        Assert.InRange(TrailerBytes(exception), 1, 2048);
    }

    [Theory]
    [InlineData("short", "short")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Input_up_to_the_echo_length_is_repeated_whole(string? input, string echoed) =>
        Assert.Equal(echoed, FieldRules.Echo(input));

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        // Arrange: an emoji (two UTF-16 units) straddling the 64th character.
        var input = new string('a', FieldRules.EchoLength - 1) + "😀" + "tail";

        // Act
        var echoed = FieldRules.Echo(input);

        // Assert
        Assert.Equal(new string('a', FieldRules.EchoLength - 1) + "…", echoed);
    }

    private static int TrailerBytes(RpcException exception) =>
        exception.Trailers.Sum(t => t.Key.Length + (t.IsBinary ? t.ValueBytes.Length : t.Value.Length));
}
