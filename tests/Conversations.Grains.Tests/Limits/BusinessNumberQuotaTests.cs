using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Refusals;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests.Limits;

/// <summary>A WABA holds at most Conversations:Limits:MaxBusinessNumbersPerWaba numbers, registered or moved to it; other WABAs are unaffected.</summary>
public sealed class BusinessNumberQuotaTests(QuotaClusterFixture quotas) : IClassFixture<QuotaClusterFixture>
{
    private IBusinessNumberGrain Number(string id) => quotas.Cluster.Grains.GetGrain<IBusinessNumberGrain>(id);

    private async Task<(string Waba, string[] Numbers)> FullWaba()
    {
        var waba = TestNumbers.WabaId();
        var numbers = Enumerable.Range(0, QuotaClusterFixture.MaxNumbers).Select(_ => TestNumbers.BusinessNumberId()).ToArray();
        foreach (var number in numbers)
        {
            Ok(await Number(number).Configure(new BusinessNumberSettings(waba)));
        }

        return (waba, numbers);
    }

    [Fact]
    public async Task A_number_beyond_the_WABAs_quota_is_refused_with_NUMBER_QUOTA_EXCEEDED_and_nothing_is_registered()
    {
        var (waba, _) = await FullWaba();
        var third = TestNumbers.BusinessNumberId();

        var refusal = Refused(await Number(third).Configure(new BusinessNumberSettings(waba, ThroughputPerSecond: 200)), RefusalReason.NumberQuotaExceeded);

        Assert.Equal((waba, "2"), (refusal.Metadata["waba_id"], refusal.Metadata["limit"]));
        Assert.Null(await Number(third).GetProfile());
    }

    [Fact]
    public async Task A_number_the_full_WABA_already_has_is_configured_again_and_another_WABA_still_takes_numbers()
    {
        var (waba, numbers) = await FullWaba();

        var updated = Ok(await Number(numbers[0]).Configure(new BusinessNumberSettings(waba, ThroughputPerSecond: 500)));
        var elsewhere = await Number(TestNumbers.BusinessNumberId()).Configure(new BusinessNumberSettings(TestNumbers.WabaId()));

        Assert.Equal(500, updated.ThroughputPerSecond);
        Assert.True(elsewhere.Succeeded);
    }

    [Fact]
    public async Task Releasing_a_number_makes_room_for_another()
    {
        var (waba, numbers) = await FullWaba();
        var third = TestNumbers.BusinessNumberId();
        Refused(await Number(third).Configure(new BusinessNumberSettings(waba)), RefusalReason.NumberQuotaExceeded);

        Ok(await Number(numbers[1]).Release());
        var registered = Ok(await Number(third).Configure(new BusinessNumberSettings(waba)));

        Assert.Equal(waba, registered.WabaId);
    }

    [Fact]
    public async Task Moving_a_number_to_a_full_WABA_is_refused_and_leaves_it_where_it_was()
    {
        var (fullWaba, fullNumbers) = await FullWaba();
        var (waba, number) = (TestNumbers.WabaId(), TestNumbers.BusinessNumberId());
        Ok(await Number(number).Configure(new BusinessNumberSettings(waba)));

        var refusal = Refused(await Number(number).Move(fullWaba, null), RefusalReason.NumberQuotaExceeded);
        var stayed = await Number(number).GetProfile();
        // Still counted by its own WABA: that WABA has one place left, not two.
        var secondThere = await Number(TestNumbers.BusinessNumberId()).Configure(new BusinessNumberSettings(waba));
        var thirdThere = await Number(TestNumbers.BusinessNumberId()).Configure(new BusinessNumberSettings(waba));
        Ok(await Number(fullNumbers[0]).Release());
        var moved = Ok(await Number(number).Move(fullWaba, null));

        Assert.Equal(fullWaba, refusal.Metadata["waba_id"]);
        Assert.Equal((waba, waba), (stayed!.WabaId, stayed.PortfolioId));
        Assert.True(secondThere.Succeeded);
        Assert.Equal(RefusalReason.NumberQuotaExceeded, thirdThere.Refusal?.Reason);
        Assert.Equal(fullWaba, moved.WabaId);
    }

    [Fact]
    public async Task Numbers_registering_at_once_on_two_silos_get_exactly_the_quotas_places()
    {
        var waba = TestNumbers.WabaId();
        var numbers = Enumerable.Range(0, 10).Select(_ => TestNumbers.BusinessNumberId()).ToArray();

        var results = await Task.WhenAll(numbers.Select(n => Number(n).Configure(new BusinessNumberSettings(waba))));
        var registered = await Task.WhenAll(numbers.Select(n => Number(n).GetProfile()));

        Assert.Equal(QuotaClusterFixture.MaxNumbers, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(RefusalReason.NumberQuotaExceeded, r.Refusal!.Reason));
        Assert.Equal(QuotaClusterFixture.MaxNumbers, registered.Count(p => p is not null));
        Assert.Equal(2, quotas.Cluster.Cluster.Silos.Count);
    }
}
