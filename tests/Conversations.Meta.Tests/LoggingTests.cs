using System.Collections.Immutable;
using Conversations.Abstractions.Messages;
using Conversations.Meta.Simulator;
using Conversations.Testing;

namespace Conversations.Meta.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task The_access_token_and_customer_numbers_never_appear_in_logs()
    {
        await using var loop = await MetaLoop.Start(new Dictionary<string, string?>
        {
            ["Conversations:Meta:AttemptTimeout"] = "00:00:01",
        });
        var template = new TemplateMessage("order_update", "en_US", ["12345"], ImmutableSortedDictionary<string, string>.Empty);

        // Every path that logs: refused, accepted, retried, rate-limited, unknown outcome, webhooks.
        await loop.Send(new TextMessage("Before the customer wrote"));
        await loop.CustomerWrites();
        await loop.Send(new TextMessage("Hello"));
        loop.Simulator.Inject(new SimulatedFault { Code = 131000, HttpStatus = 500, Times = 1 });
        await loop.Send(template);
        loop.Simulator.Inject(new SimulatedFault { Code = 130429, Times = 100 });
        await loop.Send(template);
        loop.Simulator.ClearFaults();
        loop.Simulator.Inject(new SimulatedFault { Delay = TimeSpan.FromMilliseconds(1500) });
        await loop.Send(template);
        await Eventually.True(() => loop.Receiver.Statuses.Count >= 9, "status webhooks");

        var logs = string.Join(Environment.NewLine, loop.Logs.Lines);
        Assert.Contains("Retrying", logs, StringComparison.Ordinal);
        Assert.Contains("+1650•••1234", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(MetaLoop.AccessToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(MetaLoop.Customer, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Cloud_API_client_has_no_per_request_logging_handlers()
    {
        await using var loop = await MetaLoop.Start();
        await loop.CustomerWrites();

        var result = await loop.Send(new TextMessage("Hello"));

        Assert.True(result.Accepted, $"{result.Error}");
        // IHttpClientFactory's LoggingScopeHttpMessageHandler and LoggingHttpMessageHandler log under these categories at every level.
        Assert.DoesNotContain(loop.Logs.Lines, l => l.Contains(" System.Net.Http.HttpClient.", StringComparison.Ordinal));
    }
}
