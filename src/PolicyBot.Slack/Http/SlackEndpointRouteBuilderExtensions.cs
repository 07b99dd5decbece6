using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PolicyBot.Slack.Http;

public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /slack/events</c> (<see cref="SlackOptions.EventsPath"/>) when <c>Slack:SigningSecret</c> is set;
    /// without it (Socket Mode only) nothing is exposed. The listener address is ASP.NET Core's (<c>ASPNETCORE_URLS</c>/<c>Urls</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (string.IsNullOrEmpty(options.SigningSecret))
        {
            return endpoints;
        }

        var endpoint = endpoints.ServiceProvider.GetRequiredService<SlackEventsEndpoint>();
        endpoints.MapPost(options.EventsPath, (RequestDelegate)endpoint.HandleAsync).WithName("SlackEvents");
        return endpoints;
    }
}
