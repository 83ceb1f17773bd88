using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Tests.Startup;

/// <summary>Options as the api resolves them from settings, without starting a host; invalid ones throw OptionsValidationException.</summary>
public static class ConfiguredOptions
{
    /// <param name="register">The api's registration of the options, e.g. <c>services.AddWhatsAppWebhooks()</c>.</param>
    public static T Resolve<T>(Dictionary<string, string?> settings, Action<IServiceCollection> register)
        where T : class
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        register(services);
        return services.BuildServiceProvider().GetRequiredService<IOptions<T>>().Value;
    }
}
