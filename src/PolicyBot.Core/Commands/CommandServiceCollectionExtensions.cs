using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Core.Inbound;

namespace PolicyBot.Core.Commands;

public static class CommandServiceCollectionExtensions
{
    /// <summary>
    /// The catalog, router, filters, the inbound pipeline, the help command, and the release of memory after a lull in
    /// commands (<see cref="Footprint.QuietMemoryRelease"/>). Features add their handlers with <see cref="AddCommand{THandler}"/>.
    /// </summary>
    public static IServiceCollection AddCommandCore(this IServiceCollection services)
    {
        services.AddOptions<CommandOptions>().BindConfiguration(CommandOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<Chat.ChatPlatformRegistry>();
        services.TryAddSingleton<Diagnostics.BotMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new Footprint.QuietMemoryRelease(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<CommandCatalog>();
        services.TryAddSingleton<CommandSyntax>();
        services.TryAddSingleton<CommandRouter>();
        services.AddInboundPipeline();
        services.AddSingleton<ICommandFilter, PermissionFilter>();
        services.AddSingleton<ICommandFilter, RateLimitFilter>();
        services.AddCommand<HelpCommand>();
        return services;
    }

    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler
    {
        services.AddSingleton<ICommandHandler, THandler>();
        return services;
    }
}
