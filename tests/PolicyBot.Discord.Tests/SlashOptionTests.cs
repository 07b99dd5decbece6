using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Discord.Commands;
using PolicyBot.Discord.Tests.Fakes;
using PolicyBot.Discord.Tests.Loopback;

namespace PolicyBot.Discord.Tests;

/// <summary>Slash options reach the invocation typed, by the command's declared arguments, and also as text in declared order.</summary>
public sealed class SlashOptionTests
{
    [Fact]
    public async Task Options_are_typed_by_the_declared_argument_kinds_and_joined_as_text_in_declared_order()
    {
        await using var discord = await LoopbackDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(discord, startGateway: false);
        var translator = host.Services.GetRequiredService<DiscordTranslator>();
        Assert.True(host.Services.GetRequiredService<SlashCommandMap>().TryGet("card", out var card));
        var (title, count) = (card.Declaration.Arguments[0], card.Declaration.Arguments[1]);

        // Discord sends options in any order; "count" is an INTEGER option and arrives as a JSON number.
        var interaction = translator.FromInteraction(Json(CommandFlowTests.SlashInteraction("i1", "card", permissions: "8", options:
        [
            new { name = "count", type = 4, value = 3 },
            new { name = "title-text", type = 3, value = " Budget vote " },
        ])));

        var invocation = interaction!.Invocation!;
        Assert.Equal(("card", "Budget vote 3"), (invocation.Name, invocation.Arguments));
        Assert.True(invocation.Values.TryGetInteger(count, out var typedCount));
        Assert.Equal(3, typedCount);
        Assert.True(invocation.Values.TryGetText(title, out var typedTitle));
        Assert.Equal("Budget vote", typedTitle);
    }

    [Fact]
    public async Task A_value_that_does_not_match_its_declared_kind_stays_text_only()
    {
        await using var discord = await LoopbackDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(discord, startGateway: false);
        var translator = host.Services.GetRequiredService<DiscordTranslator>();
        Assert.True(host.Services.GetRequiredService<SlashCommandMap>().TryGet("card", out var card));

        var interaction = translator.FromInteraction(Json(CommandFlowTests.SlashInteraction("i2", "card", permissions: "8", options:
        [
            new { name = "title-text", type = 3, value = "Budget" },
            new { name = "count", type = 4, value = "three" },
        ])));

        var invocation = interaction!.Invocation!;
        Assert.Equal("Budget three", invocation.Arguments);
        Assert.False(invocation.Values.TryGetInteger(card.Declaration.Arguments[1], out _));
    }

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);
}
