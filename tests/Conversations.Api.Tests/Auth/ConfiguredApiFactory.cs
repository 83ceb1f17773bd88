using Conversations.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversations.Api.Tests.Auth;

/// <summary>A host of its own with the given settings on top of the test host's, and every log line it writes.</summary>
public sealed class ConfiguredApiFactory(IReadOnlyDictionary<string, string> settings) : ApiFactory
{
    /// <summary>No Conversations:Auth at all: development mode where it is allowed.</summary>
    public static readonly IReadOnlyDictionary<string, string> WithoutAuth = new Dictionary<string, string>
    {
        ["Conversations:Auth:SigningKey"] = "",
        ["Conversations:Auth:Issuer"] = "",
        ["Conversations:Auth:Audience"] = "",
    };

    public CapturedLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => settings;

    public static IReadOnlyDictionary<string, string> WithoutAuthAnd(string key, string value) =>
        new Dictionary<string, string>(WithoutAuth) { [key] = value };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
