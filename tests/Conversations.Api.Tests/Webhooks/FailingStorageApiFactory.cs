using Conversations.Grains;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>The real api whose grain storage can be made to fail for chosen grains.</summary>
public sealed class FailingStorageApiFactory : ApiFactory
{
    public FailingGrainStorage Storage => (FailingGrainStorage)Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Conversations);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Registered last, so it is the provider grains resolve by this name.
        builder.ConfigureTestServices(services => services.AddKeyedSingleton<IGrainStorage>(
            StorageNames.Conversations,
            (sp, _) => new FailingGrainStorage(sp.GetRequiredService<DeepCopier>())));
    }
}
