using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Api.Auth;
using Conversations.Api.Identity;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Tests;

/// <summary>
/// The api's view of the identity directory as another api process has it: links made elsewhere are found, and a
/// phone number is asked about only while its portfolio has redirected phone numbers.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerDirectoryTests(ApiFactory api)
{
    /// <summary>A directory with nothing in memory, as in an api process that never saw these customers.</summary>
    private CustomerDirectory OtherProcess() => new(
        api.Services.GetRequiredService<GrainReferences>(),
        api.Clock,
        api.Services.GetRequiredService<IOptions<AuthOptions>>());

    [Fact]
    public async Task A_phone_number_linked_to_a_bsuid_first_customer_through_another_process_resolves_to_the_bsuid()
    {
        var (portfolio, userId, phone) = (TestNumbers.WabaId(), TestUserIds.Customer(), TestNumbers.Customer());
        var linking = OtherProcess();
        await linking.Resolve(portfolio, null, userId, record: true, fromMeta: true, CancellationToken.None);
        await linking.Resolve(portfolio, phone, userId, record: true, fromMeta: true, CancellationToken.None);

        var resolved = await OtherProcess().Resolve(portfolio, phone, null, record: false, fromMeta: false, CancellationToken.None);

        Assert.Equal(new CustomerIdentity(userId, phone, userId), resolved.Value);
    }

    [Fact]
    public async Task A_phone_number_of_a_portfolio_without_redirects_is_its_own_key()
    {
        var (portfolio, phone) = (TestNumbers.WabaId(), TestNumbers.Customer());

        var resolved = await OtherProcess().Resolve(portfolio, phone, null, record: true, fromMeta: false, CancellationToken.None);

        Assert.Equal(CustomerIdentity.Of(phone), resolved.Value);
        Assert.Equal(0, await api.Services.GetRequiredService<GrainReferences>().Get<ICustomerDirectoryGrain>(portfolio).RedirectedPhones());
    }

    [Fact]
    public async Task A_read_naming_an_unknown_bsuid_records_nothing()
    {
        var (portfolio, userId) = (TestNumbers.WabaId(), TestUserIds.Customer());

        var resolved = await OtherProcess().Resolve(portfolio, null, userId, record: false, fromMeta: false, CancellationToken.None);

        Assert.Equal(CustomerIdentity.Of(userId), resolved.Value);
        Assert.Null(await api.Services.GetRequiredService<GrainReferences>().Get<ICustomerIdentityGrain>(new CustomerIdentityKey(portfolio, userId).ToString()).Find());
    }
}
