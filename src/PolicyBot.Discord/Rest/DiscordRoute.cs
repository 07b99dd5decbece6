namespace PolicyBot.Discord.Rest;

/// <summary>
/// A REST call's rate-limit identity: the route template (method + path with ids replaced) and the top-level
/// resource (channel, guild, webhook+token, interaction) that splits Discord's buckets.
/// </summary>
public readonly record struct DiscordRoute(HttpMethod Method, string Path, string Template, string MajorParameter)
{
    private static readonly string[] MajorResources = ["channels", "guilds", "webhooks", "interactions"];

    /// <summary>Interaction callbacks and follow-ups (webhooks) do not count against the global 50/s limit.</summary>
    public bool CountsTowardsGlobalLimit => !Path.StartsWith("interactions/", StringComparison.Ordinal) && !Path.StartsWith("webhooks/", StringComparison.Ordinal);

    /// <summary>The key of the bucket before Discord tells us its hash.</summary>
    public string RouteKey => $"{Method.Method} {Template}";

    /// <summary>Builds the route for a relative path such as <c>channels/123/messages</c> (query allowed).</summary>
    public static DiscordRoute Create(HttpMethod method, string path)
    {
        var pathOnly = path.Split('?', 2)[0].Trim('/');
        var segments = pathOnly.Split('/');
        var major = string.Empty;
        var template = new string[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (i == 1 && Array.IndexOf(MajorResources, segments[0]) >= 0)
            {
                major = segment;
                template[i] = "{major}";
            }
            else if (i == 2 && segments[0] is "webhooks" or "interactions")
            {
                // webhook_id + token is one top-level resource; the token is a secret and stays out of keys we might log.
                major += "/" + HashToken(segment);
                template[i] = "{token}";
            }
            else
            {
                template[i] = IsId(segment) ? "{id}" : segment;
            }
        }

        return new DiscordRoute(method, path.TrimStart('/'), string.Join('/', template), major);
    }

    private static bool IsId(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit) || segment == "@original";

    private static string HashToken(string token) => ((uint)StringComparer.Ordinal.GetHashCode(token)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => RouteKey;
}
