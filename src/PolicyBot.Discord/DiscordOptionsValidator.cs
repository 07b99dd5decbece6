using Microsoft.Extensions.Options;

namespace PolicyBot.Discord;

/// <summary>Checks the Discord section on start so a typo fails loudly instead of as a silent, offline bot.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("Discord:Token is required.");
        }
        else if (options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:Token contains whitespace; paste the bot token without the 'Bot ' prefix.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10.");
        }

        if (options.ApplicationId is { Length: > 0 } appId && !IsSnowflake(appId))
        {
            failures.Add("Discord:ApplicationId must be a numeric id.");
        }

        if (options.Prefix is not null && (options.Prefix.Length is < 1 or > 5 || options.Prefix.Any(char.IsWhiteSpace)))
        {
            failures.Add("Discord:Prefix must be 1-5 characters without spaces.");
        }

        failures.AddRange(options.GuildIds.Where(id => !IsSnowflake(id)).Select(id => $"Discord:GuildIds has a non-numeric id '{id}'."));
        failures.AddRange(options.AdminRoleIds.Where(id => !IsSnowflake(id)).Select(id => $"Discord:AdminRoleIds has a non-numeric id '{id}'."));

        if (options.ShardCount is < 1)
        {
            failures.Add("Discord:ShardCount must be at least 1.");
        }

        if (options.ShardIds.Length > 0)
        {
            if (options.ShardCount is null)
            {
                failures.Add("Discord:ShardIds needs Discord:ShardCount (the total across all instances).");
            }
            else if (options.ShardIds.Any(id => id < 0 || id >= options.ShardCount))
            {
                failures.Add($"Discord:ShardIds must lie in 0..{options.ShardCount - 1}.");
            }

            if (options.ShardIds.Distinct().Count() != options.ShardIds.Length)
            {
                failures.Add("Discord:ShardIds lists a shard twice.");
            }
        }

        if (options.InteractionDeferAfter <= TimeSpan.Zero || options.InteractionDeferAfter > TimeSpan.FromSeconds(2.5))
        {
            failures.Add("Discord:InteractionDeferAfter must be above 0 and at most 2.5 s (Discord's deadline is 3 s).");
        }

        if (options.ReconnectInitialDelay < TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectInitialDelay)
        {
            failures.Add("Discord:ReconnectInitialDelay must be >= 0 and at most Discord:ReconnectMaxDelay.");
        }

        if (options.InvalidRequestBudget is < 1 or > 9_000)
        {
            failures.Add("Discord:InvalidRequestBudget must be 1-9000 (Discord bans at 10,000 per 10 minutes).");
        }

        if (options.MaxGatewayMessageBytes is < 64 * 1024 or > 256 * 1024 * 1024)
        {
            failures.Add("Discord:MaxGatewayMessageBytes must be between 64 KiB and 256 MiB.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsSnowflake(string value) => value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit) && ulong.TryParse(value, out _);
}
