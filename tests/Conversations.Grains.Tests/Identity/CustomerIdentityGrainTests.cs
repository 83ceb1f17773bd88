using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Testing;

namespace Conversations.Grains.Tests.Identity;

/// <summary>The identity directory's rule: the id that arrived first keys the customer's conversations, for good.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerIdentityGrainTests(ClusterFixture fixture)
{
    private readonly string _portfolio = TestNumbers.WabaId();

    private ICustomerIdentityGrain Entry(string customer) =>
        fixture.Grains.GetGrain<ICustomerIdentityGrain>(new CustomerIdentityKey(_portfolio, customer).ToString());

    private Task<long> RedirectedPhones() => fixture.Grains.GetGrain<ICustomerDirectoryGrain>(_portfolio).RedirectedPhones();

    [Fact]
    public async Task Both_ids_arriving_together_are_keyed_by_the_phone_number()
    {
        var (userId, phone) = (TestUserIds.Customer(), TestNumbers.Customer());

        var identity = await Entry(userId).Observe(phone);

        Assert.Equal(new CustomerIdentity(phone, phone, userId), identity);
        Assert.Equal(identity, await Entry(phone).Find());
        Assert.Equal(0, await RedirectedPhones());
    }

    [Fact]
    public async Task A_bsuid_alone_is_its_own_key_and_stays_it_when_the_phone_number_arrives()
    {
        var (userId, phone) = (TestUserIds.Customer(), TestNumbers.Customer());

        var first = await Entry(userId).Observe(null);
        var linked = await Entry(userId).Observe(phone);
        var again = await Entry(userId).Observe(phone);

        Assert.Equal(new CustomerIdentity(userId, null, userId), first);
        Assert.Equal(new CustomerIdentity(userId, phone, userId), linked);
        Assert.Equal(linked, again);
        Assert.Equal(linked, await Entry(phone).Find());
        Assert.Equal(1, await RedirectedPhones());
    }

    [Fact]
    public async Task A_new_bsuid_for_a_linked_phone_number_reaches_the_conversation_the_number_already_reaches()
    {
        var (userId, newUserId, phone) = (TestUserIds.Customer(), TestUserIds.Customer(), TestNumbers.Customer());
        await Entry(userId).Observe(null);
        await Entry(userId).Observe(phone);

        var renewed = await Entry(newUserId).Observe(phone);

        Assert.Equal(new CustomerIdentity(userId, phone, newUserId), renewed);
        Assert.Equal(1, await RedirectedPhones());
    }

    [Fact]
    public async Task An_id_the_directory_never_saw_is_not_found_and_a_phone_entry_cannot_observe()
    {
        var phone = TestNumbers.Customer();

        Assert.Null(await Entry(phone).Find());
        await Assert.ThrowsAsync<InvalidOperationException>(() => Entry(phone).Observe(null));
    }
}
