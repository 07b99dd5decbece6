using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Discord.Commands;
using PolicyBot.Discord.Tests.Fakes;
using PolicyBot.Discord.Tests.Loopback;

namespace PolicyBot.Discord.Tests;

public sealed class OptionsAndTranslatorTests
{
    [Fact]
    public void Options_to_string_never_shows_the_token()
    {
        var options = new DiscordOptions { Token = "super.secret.token" };

        Assert.DoesNotContain("super.secret.token", options.ToString());
        Assert.Contains("***", options.ToString());
    }

    [Theory]
    [InlineData("", null, null, "Discord:Token is required")]
    [InlineData("tok", "not-a-url", null, "ApiBaseUrl")]
    [InlineData("tok", null, "abc", "GuildIds")]
    public void Invalid_options_are_refused_with_a_clear_message(string token, string? apiBase, string? guildId, string expected)
    {
        var options = new DiscordOptions { Token = token, ApiBaseUrl = apiBase ?? DiscordOptions.DefaultApiBaseUrl, GuildIds = guildId is null ? [] : [guildId] };

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void Shard_ids_must_fit_the_shard_count()
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "t", ShardIds = [0, 2], ShardCount = 2 });

        Assert.True(result.Failed);
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "t", ShardIds = [1], ShardCount = 2 }).Succeeded);
    }

    [Theory]
    [InlineData("Title Text", "title-text")]
    [InlineData("WHO", "who")]
    [InlineData("a very long name that goes well past thirty-two", "a-very-long-name-that-goes-well")]
    [InlineData("!!!", "command")]
    public void Slash_names_are_sanitised_to_discords_rules(string name, string expected) =>
        Assert.Equal(expected, SlashCommandMap.SanitizeName(name));

    [Fact]
    public async Task Messages_from_bots_and_from_ourselves_are_ignored_and_dms_are_not_admin()
    {
        await using var discord = await LoopbackDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(discord, startGateway: false);
        var translator = host.Services.GetRequiredService<DiscordTranslator>();
        host.Services.GetRequiredService<DiscordBotIdentity>().OnReady("999", "777");

        Assert.Null(translator.FromMessage(Json(CommandFlowTests.Message("m", "!help", bot: true))));
        Assert.Null(translator.FromMessage(Json(new { id = "m", channel_id = "1", content = "!help", author = new { id = "999" } })));
        Assert.Null(translator.FromMessage(Json(CommandFlowTests.Message("m", "just chatting"))));
        var dm = translator.FromMessage(Json(new { id = "m2", channel_id = "dm-1", content = "!help", author = new { id = "u-9", username = "bo" } }));
        Assert.NotNull(dm);
        Assert.False(dm.Sender.IsAdmin);
        Assert.Equal("dm-1", dm.Conversation.ChannelId);
        var mentioned = translator.FromMessage(Json(CommandFlowTests.Message("m3", "<@999> echo hi")));
        Assert.Equal(("echo", "hi"), (mentioned!.Name, mentioned.Arguments));
    }

    [Fact]
    public async Task With_guild_ids_set_only_those_guilds_are_served_not_others_and_not_dms()
    {
        await using var discord = await LoopbackDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(discord, new Dictionary<string, string?> { ["Discord:GuildIds:0"] = "200" }, startGateway: false);
        var translator = host.Services.GetRequiredService<DiscordTranslator>();

        var served = translator.FromMessage(Json(CommandFlowTests.Message("m1", "!echo hi")));
        var otherGuild = translator.FromMessage(Json(new { id = "m2", channel_id = "5", guild_id = "999", content = "!echo hi", author = new { id = "u-1", username = "ada" } }));
        var dm = translator.FromMessage(Json(new { id = "m3", channel_id = "dm-1", content = "!echo hi", author = new { id = "u-1", username = "ada" } }));
        var slashElsewhere = translator.FromInteraction(JsonSerializer.SerializeToElement(new { id = "i1", token = "t", type = 2, channel_id = "5", guild_id = "999", user = new { id = "u-1" }, data = new { name = "echo" } }));
        var slashHere = translator.FromInteraction(Json(CommandFlowTests.SlashInteraction("i2", "echo")));

        Assert.NotNull(served);
        Assert.Null(otherGuild);
        Assert.Null(dm);
        Assert.Equal((InteractionKind.NotServed, null), (slashElsewhere!.Kind, slashElsewhere.Invocation));
        Assert.Equal(InteractionKind.SlashCommand, slashHere!.Kind);
    }

    [Fact]
    public async Task Guild_owner_and_manage_server_roles_are_admins_for_message_commands()
    {
        await using var discord = await LoopbackDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(discord, startGateway: false);
        var guilds = host.Services.GetRequiredService<GuildCache>();
        var translator = host.Services.GetRequiredService<DiscordTranslator>();
        guilds.Apply("GUILD_CREATE", Json(new
        {
            id = "200",
            owner_id = "owner",
            roles = new[] { new { id = "200", permissions = "0" }, new { id = "mods", permissions = (1UL << 5).ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        }));

        bool IsAdmin(string userId, string[] roles) => translator.FromMessage(Json(new
        {
            id = "m-" + userId, channel_id = "100", guild_id = "200", content = "!help", author = new { id = userId, username = userId }, member = new { roles },
        }))!.Sender.IsAdmin;

        Assert.True(IsAdmin("owner", []));
        Assert.True(IsAdmin("mod", ["mods"]));
        Assert.False(IsAdmin("member", []));
    }

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);
}
