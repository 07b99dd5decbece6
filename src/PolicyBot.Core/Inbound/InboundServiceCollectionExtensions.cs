using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Inbound;

public static class InboundServiceCollectionExtensions
{
    /// <summary>The inbound pipeline and its background work (a hosted service, so shutdown drains it).</summary>
    public static IServiceCollection AddInboundPipeline(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PostedMessageTracker>();
        services.TryAddSingleton<BackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundWork>()); // added once, however often this runs

        services.TryAddSingleton<InvocationPipeline>();
        return services;
    }
}
