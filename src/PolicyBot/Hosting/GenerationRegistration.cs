using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Knowledge.Generation;

namespace PolicyBot.Hosting;

/// <summary>
/// Turns on answers phrased by a language model when <c>Knowledge:Generation:Endpoint</c> and <c>Model</c> are set;
/// with neither, nothing is registered and answers stay extractive.
/// </summary>
public static class GenerationRegistration
{
    public static void AddGeneration(IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(GenerationOptions.SectionName).Get<GenerationOptions>() ?? new GenerationOptions();
        if (!settings.IsConfigured)
        {
            return;
        }

        services.AddSingleton(sp => ModelChatClient.Create(sp.GetRequiredService<IOptions<GenerationOptions>>().Value));
        services.AddSingleton<AnswerWriter>();
    }
}
