namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// The conversations a uniform load is spread over: customer i on business number i mod K, every number in one WABA,
/// every id carrying the run's stamp and the scenario's digit. A share of the customers (<c>--user-id-share</c>) are
/// known only by a business-scoped user id, spread evenly over the set; the api's customer field takes either id.
/// </summary>
public sealed class ConversationSet
{
    private readonly string[] _numbers;
    private readonly string[] _customers;

    public ConversationSet(RunIds ids, int scenarioDigit, int conversations, int businessNumbers, double userIdShare = 0)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Waba = ids.Waba(scenarioDigit);
        _numbers = [.. Enumerable.Range(0, businessNumbers).Select(i => ids.BusinessNumber(scenarioDigit, i))];
        // Built once: the load then picks a prepared string instead of formatting one per request.
        var perMille = (int)Math.Round(Math.Clamp(userIdShare, 0, 1) * 1000);
        _customers = [.. Enumerable.Range(0, conversations).Select(i => i % 1000 < perMille ? ids.UserId(i) : RunIds.Customer(i))];
    }

    public string Waba { get; }

    public int Count => _customers.Length;

    public string NumberOf(int conversation) => _numbers[conversation % _numbers.Length];

    public string CustomerOf(int conversation) => _customers[conversation];

    /// <summary>Registers every number with the api at the run's throughput.</summary>
    public async Task RegisterAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        foreach (var number in _numbers)
        {
            await NumberSetup.RegisterAsync(context, number, Waba, cancellationToken);
        }
    }

    public WindowOpener Opener(ScenarioContext context) => new(context, NumberOf, CustomerOf);

    /// <summary>A worker's picks, uniformly at random over the set, repeatable per seed.</summary>
    public Func<int> UniformPick(int seed)
    {
        var random = new Random(seed);
        return () => random.Next(Count);
    }
}
