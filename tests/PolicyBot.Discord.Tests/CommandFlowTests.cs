using System.Text.Json;
using PolicyBot.Core.Chat;
using PolicyBot.Discord.Tests.Fakes;
using PolicyBot.Discord.Tests.Loopback;

namespace PolicyBot.Discord.Tests;

/// <summary>Commands end to end through the loopback Discord: messages, slash commands, buttons, deferral, tracking.</summary>
public sealed class CommandFlowTests : IAsyncLifetime
{
    private LoopbackDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await LoopbackDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task Help_message_is_answered_in_the_channel_without_pings()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, Message("m-1", "!help"));

        var post = await _discord.NextRequestAsync(r => r.Path == "channels/100/messages");
        Assert.Equal("POST", post.Method);
        Assert.Equal("Bot " + DiscordTestHost.Token, post.Header("Authorization"));
        Assert.Empty(post.Json.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.Equal("PolicyBot commands", post.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Contains("!echo", post.Json.GetProperty("embeds")[0].GetProperty("description").GetString());
        Assert.Equal("m-1", post.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
    }

    [Fact]
    public async Task Echoed_mass_mention_is_sent_with_no_pings_allowed()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, Message("m-2", "!echo @everyone look <@&55>"));

        var post = await _discord.NextRequestAsync(r => r.Path == "channels/100/messages");
        Assert.Equal("@everyone look <@&55>", post.Json.GetProperty("content").GetString());
        Assert.Empty(post.Json.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        var invocation = Assert.Single(host.Invocations.Invocations);
        Assert.Equal("discord:m-2", invocation.DeliveryId);
        Assert.Equal(new ConversationRef("discord", "100"), invocation.Conversation);
    }

    [Fact]
    public async Task Replayed_message_after_resume_is_answered_once()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, Message("m-3", "!echo once"));
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3, Message("m-3", "!echo once"));
        await connection.SendDispatchAsync("MESSAGE_CREATE", 4, Message("m-4", "!echo twice"));

        var replies = new[]
        {
            await _discord.NextRequestAsync(r => r.Path == "channels/100/messages"),
            await _discord.NextRequestAsync(r => r.Path == "channels/100/messages"),
        };
        Assert.Equal(["once", "twice"], replies.Select(r => r.Json.GetProperty("content").GetString()!).Order().ToArray());
        Assert.Equal(2, host.Invocations.Invocations.Count);
    }

    [Fact]
    public async Task Slash_command_is_answered_through_the_interaction_callback()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, SlashInteraction("i-1", "echo", new { name = "text", type = 3, value = "hello there" }));

        var callback = await _discord.NextRequestAsync(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal));
        Assert.Equal("interactions/i-1/tok-i-1/callback", callback.Path);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal("hello there", callback.Json.GetProperty("data").GetProperty("content").GetString());
        Assert.False(callback.Json.GetProperty("data").TryGetProperty("flags", out _));
        var invocation = Assert.Single(host.Invocations.Invocations);
        Assert.Equal(InvocationSource.SlashCommand, invocation.Source);
        Assert.Equal("discord:i-1", invocation.DeliveryId);
    }

    [Fact]
    public async Task Error_reply_to_a_slash_command_is_ephemeral()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, SlashInteraction("i-2", "echo"));

        var callback = await _discord.NextRequestAsync(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal));
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Empty(callback.Json.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
    }

    [Fact]
    public async Task Button_click_becomes_the_command_in_its_id_and_is_acknowledged_privately()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, ButtonInteraction("i-3", "vote:12:3", sourceMessageId: "card-1"));

        var callback = await _discord.NextRequestAsync(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal));
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal("Your vote is recorded", callback.Json.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        var invocation = Assert.Single(host.Invocations.Invocations);
        Assert.Equal(("vote", "12 3", InvocationSource.Button), (invocation.Name, invocation.Arguments, invocation.Source));
        Assert.Equal(new MessageRef(new ConversationRef("discord", "100"), "card-1"), invocation.SourceMessage);
    }

    [Fact]
    public async Task Slow_slash_command_is_deferred_then_the_original_response_is_edited()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord, new Dictionary<string, string?> { ["Discord:InteractionDeferAfter"] = "00:00:00.020" });
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, SlashInteraction("i-4", "slow"));

        var deferred = await _discord.NextRequestAsync(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal));
        Assert.Equal(5, deferred.Json.GetProperty("type").GetInt32());
        host.Slow.Release.SetResult(new Reply("done at last"));
        var edit = await _discord.NextRequestAsync(r => r.Path.StartsWith("webhooks/", StringComparison.Ordinal));
        Assert.Equal("PATCH", edit.Method);
        Assert.Equal("webhooks/777/tok-i-4/messages/@original", edit.Path);
        Assert.Equal("done at last", edit.Json.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Slow_command_ending_in_a_private_reply_replaces_the_placeholder_with_an_ephemeral_follow_up()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord, new Dictionary<string, string?> { ["Discord:InteractionDeferAfter"] = "00:00:00.020" });
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, SlashInteraction("i-5", "slow"));
        await _discord.NextRequestAsync(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal));
        host.Slow.Release.SetResult(Reply.Error("That did not work."));

        var delete = await _discord.NextRequestAsync(r => r.Path.StartsWith("webhooks/", StringComparison.Ordinal));
        Assert.Equal(("DELETE", "webhooks/777/tok-i-5/messages/@original"), (delete.Method, delete.Path));
        var followUp = await _discord.NextRequestAsync(r => r.Path.StartsWith("webhooks/", StringComparison.Ordinal));
        Assert.Equal(("POST", "webhooks/777/tok-i-5"), (followUp.Method, followUp.Path));
        Assert.Equal(64, followUp.Json.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Tracked_reply_reports_the_posted_message_id()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, SlashInteraction("i-6", "card", permissions: "32",
            options: [new { name = "title-text", type = 3, value = "Lunch?" }]));

        var callback = await _discord.NextRequestAsync(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal));
        Assert.Contains("with_response=true", callback.Query);
        var buttons = callback.Json.GetProperty("data").GetProperty("components")[0].GetProperty("components");
        Assert.Equal(["vote:7:1", "vote:7:2"], buttons.EnumerateArray().Select(b => b.GetProperty("custom_id").GetString()!).ToArray());
        var posted = await host.Sink.First.Task.WaitAsync(LoopbackDiscord.DefaultTimeout);
        Assert.Equal("discord", posted.Conversation.Platform);
        Assert.Equal(("poll:7", posted), host.Sink.Recorded.Single());
    }

    [Fact]
    public async Task Admin_command_is_refused_without_manage_server()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, SlashInteraction("i-7", "card", permissions: "0",
            options: [new { name = "title-text", type = 3, value = "Lunch?" }]));

        var callback = await _discord.NextRequestAsync(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal));
        Assert.Contains("Only admins", callback.Json.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Configured_admin_role_makes_a_message_command_sender_an_admin()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord, new Dictionary<string, string?> { ["Discord:AdminRoleIds:0"] = "314" });
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, Message("m-5", "!card Lunch?", roles: ["314"]));

        var post = await _discord.NextRequestAsync(r => r.Path == "channels/100/messages");
        Assert.Equal("Lunch?", post.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        var posted = await host.Sink.First.Task.WaitAsync(LoopbackDiscord.DefaultTimeout);
        Assert.Equal(("poll:7", "5001"), (host.Sink.Recorded.Single().Key, posted.MessageId));
    }

    [Fact]
    public async Task Slash_commands_are_registered_per_configured_guild_from_the_catalog()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord, new Dictionary<string, string?> { ["Discord:GuildIds:0"] = "555" });
        await _discord.AcceptIdentifiedAsync();

        var put = await _discord.NextRequestAsync(r => r.Method == "PUT");
        Assert.Equal("applications/777/guilds/555/commands", put.Path);
        var commands = put.Json.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["card", "echo", "help", "slow"], commands.Keys.Order().ToArray()); // vote is hidden: button only
        var cardOptions = commands["card"].GetProperty("options").EnumerateArray().ToArray();
        Assert.Equal(("title-text", 3, true), (cardOptions[0].GetProperty("name").GetString(), cardOptions[0].GetProperty("type").GetInt32(), cardOptions[0].GetProperty("required").GetBoolean()));
        Assert.Equal(("count", 4, false), (cardOptions[1].GetProperty("name").GetString(), cardOptions[1].GetProperty("type").GetInt32(), cardOptions[1].GetProperty("required").GetBoolean()));
        Assert.All(commands.Values, c => Assert.InRange(c.GetProperty("description").GetString()!.Length, 1, 100));
    }

    internal static object Message(string id, string content, bool bot = false, string[]? roles = null) => new
    {
        id,
        channel_id = "100",
        guild_id = "200",
        content,
        author = new { id = "u-1", username = "ada", bot },
        member = new { roles = roles ?? [], nick = "Ada" },
    };

    internal static object SlashInteraction(string id, string name, object? option = null, string permissions = "0", object[]? options = null) => new
    {
        id,
        application_id = "777",
        type = 2,
        token = "tok-" + id,
        channel_id = "100",
        guild_id = "200",
        member = new { permissions, roles = Array.Empty<string>(), user = new { id = "u-1", username = "ada" } },
        data = new { id = "cmd", name, type = 1, options = options ?? (option is null ? [] : [option]) },
    };

    internal static object ButtonInteraction(string id, string customId, string sourceMessageId, string userId = "u-1") => new
    {
        id,
        application_id = "777",
        type = 3,
        token = "tok-" + id,
        channel_id = "100",
        guild_id = "200",
        member = new { permissions = "0", roles = Array.Empty<string>(), user = new { id = userId, username = "ada" } },
        message = new { id = sourceMessageId, channel_id = "100" },
        data = new { custom_id = customId, component_type = 2 },
    };
}
