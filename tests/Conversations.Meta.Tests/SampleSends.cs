using System.Collections.Immutable;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Meta.Tests;

/// <summary>A send any Meta accepts at any time (a template needs no window), through a host's registered sender.</summary>
internal static class SampleSends
{
    public static Task<DispatchResult> HelloWorld(IServiceProvider services) =>
        services.GetRequiredService<IWhatsAppSender>().Send(
            new OutboundMessage("106540352242922", "16505551234", new TemplateMessage("hello_world", "en_US", [], ImmutableSortedDictionary<string, string>.Empty), "cnv.1"),
            CancellationToken.None);
}
