using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Polls;
using PolicyBot.Core.Reminders;

namespace PolicyBot.Hosting;

/// <summary>The bot's capabilities (ask, polls, reminders), each registered by its own extension method.</summary>
public static class FeatureRegistration
{
    public static void AddFeatures(IServiceCollection services, IConfiguration configuration)
    {
        services.AddKnowledge();
        GenerationRegistration.AddGeneration(services, configuration);
        services.AddReminders();
        services.AddPolls();
    }
}
